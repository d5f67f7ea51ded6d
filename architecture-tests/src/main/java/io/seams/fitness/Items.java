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
        return useNoTypeOf(packages, List.of(), description, message);
    }

    /** The same, leaving out the types of {@code except} (another rule's, with a fix of its own). */
    static ArchCondition<JavaClass> useNoTypeOf(
            List<String> packages, List<String> except, String description, String message) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                // Where a type is used, its first line that has one (a call has, a field's type has not).
                var lines = new java.util.TreeMap<String, Integer>();
                type.getDirectDependenciesFromSelf().stream()
                        // An annotation's member types (@Transactional's Propagation) come with it.
                        .filter(dependency -> !dependency.getDescription().contains(" has annotation member of type "))
                        .filter(dependency -> {
                            var target = dependency
                                    .getTargetClass()
                                    .getBaseComponentType()
                                    .getName();
                            return packages.stream().anyMatch(target::startsWith)
                                    && except.stream().noneMatch(target::startsWith);
                        })
                        .forEach(dependency -> lines.merge(
                                dependency
                                        .getTargetClass()
                                        .getBaseComponentType()
                                        .getName()
                                        .replaceFirst("\\$.*", ""),
                                dependency.getSourceCodeLocation().getLineNumber(),
                                (one, other) -> one <= 0 ? other : other <= 0 ? one : Math.min(one, other)));
                lines.forEach((target, line) -> events.add(SimpleConditionEvent.violated(
                        type,
                        message.formatted(
                                type.getName(), HygieneRules.fileOf(type) + (line > 0 ? ":" + line : ""), target))));
            }
        };
    }
}
