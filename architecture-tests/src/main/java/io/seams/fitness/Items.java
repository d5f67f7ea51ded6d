package io.seams.fitness;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ClassesTransformer;
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
}
