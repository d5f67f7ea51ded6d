package io.seams.shop.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;
import org.junit.jupiter.api.Test;

class AggregatesTests {

    private final Doors doors = new Doors();
    private final DoorId frontDoor = new DoorId(UUID.randomUUID());

    @Test
    void aCommandThatChangesTheAggregateRunsUnderItsLockAndStoresIt() {
        doors.add(new Door(frontDoor, false));

        var outcome = doors.change(frontDoor, Door::lock, () -> Refusal.notFound("Door", frontDoor.id()), "c", "t");

        assertThat(outcome).isInstanceOf(Outcome.Applied.class);
        assertThat(doors.calls).containsExactly("lockById", "update");
        assertThat(doors.stored.get(frontDoor).locked).isTrue();
    }

    @Test
    void aCommandWhoseEffectAlreadyHeldStoresNothing() {
        doors.add(new Door(frontDoor, true));

        var outcome = doors.change(frontDoor, Door::lock, () -> Refusal.notFound("Door", frontDoor.id()), "c", "t");

        assertThat(outcome).isInstanceOf(Outcome.Unchanged.class);
        assertThat(doors.calls).containsExactly("lockById");
    }

    @Test
    void aRefusedCommandStoresNothingAndSaysWhyInTheGivenWords() {
        doors.add(new Door(frontDoor, true));

        var outcome = doors.change(
                frontDoor,
                door -> Transition.refused("Door is locked"),
                () -> Refusal.notFound("Door", frontDoor.id()),
                "door-locked",
                "Door cannot be opened");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        refused -> assertThat(refused.refusal())
                                .isEqualTo(Refusal.byState("door-locked", "Door cannot be opened", "Door is locked")));
        assertThat(doors.calls).containsExactly("lockById");
    }

    @Test
    void anAggregateThatIsNotThereIsRefusedAsNotFound() {
        var outcome = doors.change(frontDoor, Door::lock, () -> Refusal.notFound("Door", frontDoor.id()), "c", "t");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.notFound("Door", frontDoor.id())));
        assertThat(doors.calls).containsExactly("lockById");
    }

    record DoorId(UUID id) implements Identifier {}

    static final class Door extends Aggregate<Door, DoorId> {

        private boolean locked;

        Door(DoorId id, boolean locked) {
            super(id, 0);
            this.locked = locked;
        }

        Transition lock() {
            if (locked) {
                return Transition.unchanged();
            }
            locked = true;
            return Transition.applied();
        }
    }

    /** Doors kept in memory, with the calls a command made on them. */
    static final class Doors implements Aggregates<Door, DoorId> {

        final Map<DoorId, Door> stored = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        void add(Door door) {
            stored.put(door.getId(), door);
        }

        @Override
        public Optional<Door> findById(DoorId id) {
            calls.add("findById");
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public Optional<Door> lockById(DoorId id) {
            calls.add("lockById");
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public void update(Door door) {
            calls.add("update");
            stored.put(door.getId(), door);
        }
    }
}
