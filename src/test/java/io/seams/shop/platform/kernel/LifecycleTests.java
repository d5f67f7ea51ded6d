package io.seams.shop.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifecycleTests {

    enum Door {
        OPEN,
        CLOSED,
        LOCKED
    }

    private final AtomicInteger changes = new AtomicInteger();

    @Test
    void aMoveFromAnAllowedStatusRunsTheChangeOnceAndTakesTheTarget() {
        var door = new Lifecycle<>("Door 7", Door.OPEN);

        var transition =
                door.move(Door.CLOSED, EnumSet.of(Door.OPEN), EnumSet.of(Door.CLOSED), changes::incrementAndGet);

        assertThat(transition).isEqualTo(Transition.applied());
        assertThat(door.current()).isEqualTo(Door.CLOSED);
        assertThat(changes).hasValue(1);
    }

    @Test
    void aMoveThatAlreadyHappenedChangesNothing() {
        var door = new Lifecycle<>("Door 7", Door.LOCKED);

        var transition = door.move(
                Door.CLOSED, EnumSet.of(Door.OPEN), EnumSet.of(Door.CLOSED, Door.LOCKED), changes::incrementAndGet);

        assertThat(transition).isEqualTo(Transition.unchanged());
        assertThat(door.current()).isEqualTo(Door.LOCKED);
        assertThat(changes).hasValue(0);
    }

    @Test
    void aMoveFromAnyOtherStatusIsRefusedNamingTheSubjectWhereItStandsAndTheTarget() {
        var door = new Lifecycle<>("Door 7", Door.LOCKED);

        var transition = door.move(Door.OPEN, EnumSet.of(Door.CLOSED), EnumSet.of(Door.OPEN), changes::incrementAndGet);

        assertThat(transition).isEqualTo(Transition.refused("Door 7 is LOCKED, it cannot become OPEN"));
        assertThat(door.current()).isEqualTo(Door.LOCKED);
        assertThat(changes).hasValue(0);
    }

    @Test
    void aChangeThatFailsLeavesTheStatusWhereItWas() {
        var door = new Lifecycle<>("Door 7", Door.OPEN);

        assertThatIllegalStateException()
                .isThrownBy(() -> door.move(Door.CLOSED, EnumSet.of(Door.OPEN), EnumSet.of(Door.CLOSED), () -> {
                    throw new IllegalStateException("jammed");
                }))
                .withMessage("jammed");

        assertThat(door.current()).isEqualTo(Door.OPEN);
        assertThat(door.isIn(EnumSet.of(Door.OPEN))).isTrue();
    }
}
