package io.seams.shop.architecture;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import io.seams.fitness.ModularApplication;

/**
 * A rule of Seams' own, run with the pack's (SeamsFitnessTests): business modules take the time
 * from the application's {@link java.time.Clock} (PlatformConfiguration makes it; tests move it,
 * see MovableClock), never from the system clock. Time is an input like any other: a module that
 * reads the system clock has a dependency nobody sees, and its tests, alone or in a split
 * cluster, cannot move time for it. The shared platform may ask the system clock: it makes the
 * Clock, and measures durations.
 */
final class TimeRules {

    private TimeRules() {}

    static ArchRule businessModulesTakeTheTimeFromTheClock(ModularApplication app) {
        return classes()
                .that(belongToABusinessModule(app))
                .should(new ArchCondition<JavaClass>("take the time from the injected Clock") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (var call : type.getMethodCallsFromSelf()) {
                            if (readsTheSystemClock(call.getTarget())) {
                                events.add(violated(
                                        call,
                                        "%s reads the system clock: %s.%s() %s. Fix: take a java.time.Clock as a"
                                                        .formatted(
                                                                type.getName(),
                                                                call.getTargetOwner()
                                                                        .getSimpleName(),
                                                                call.getName(),
                                                                call.getSourceCodeLocation())
                                                + " constructor parameter and ask it: clock.instant()"));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Business modules take the time from the Clock")
                .because("a module that reads the system clock hides a dependency its tests cannot control");
    }

    /**
     * {@code Instant.now()}, {@code LocalDate.now(zone)} and the other {@code now} of java.time
     * without a Clock, {@code System.currentTimeMillis()}, {@code Clock.systemUTC()} and its kin.
     * {@code now(clock)} is fine, and so is {@code System.nanoTime()}: it measures durations.
     */
    static boolean readsTheSystemClock(MethodCallTarget target) {
        var owner = target.getOwner().getName();
        var name = target.getName();
        if (owner.equals("java.lang.System")) {
            return name.equals("currentTimeMillis");
        }
        if (owner.equals("java.time.Clock")) {
            return name.startsWith("system");
        }
        return owner.startsWith("java.time.")
                && name.equals("now")
                && target.getRawParameterTypes().stream()
                        .noneMatch(parameter -> parameter.getName().equals("java.time.Clock"));
    }

    private static DescribedPredicate<JavaClass> belongToABusinessModule(ModularApplication app) {
        return DescribedPredicate.describe(
                "belong to a business module",
                type -> app.moduleOf(type).map(module -> !app.isShared(module)).orElse(false));
    }
}
