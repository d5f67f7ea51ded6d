package io.seams.fitness;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ClassesTransformer;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Lets a rule range over things other than classes (modules, source files, migrations). */
final class Items {

    private Items() {}

    static <T> ClassesTransformer<T> of(String description, Supplier<List<T>> items) {
        return new AbstractClassesTransformer<>(description) {
            @Override
            public Iterable<T> doTransform(JavaClasses classes) {
                return items.get();
            }
        };
    }

    /** Slices named by {@code name}; classes it names nothing for are left out. */
    static SliceAssignment slices(String description, Function<JavaClass, Optional<String>> name) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                return name.apply(type).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return description;
            }
        };
    }

    /**
     * Uses no type of these packages; each type it does use is a violation, worded by {@code message}
     * from the class's name, its file and the type used.
     */
    static ArchCondition<JavaClass> useNoTypeOf(List<String> packages, String description, String message) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getDirectDependenciesFromSelf().stream()
                        .map(dependency -> dependency.getTargetClass().getBaseComponentType())
                        .filter(target -> packages.stream()
                                .anyMatch(prefix -> target.getName().startsWith(prefix)))
                        .map(target -> target.getName().replaceFirst("\\$.*", ""))
                        .distinct()
                        .sorted()
                        .forEach(target -> events.add(SimpleConditionEvent.violated(
                                type, message.formatted(type.getName(), HygieneRules.fileOf(type), target))));
            }
        };
    }
}
