package io.seams.fitness;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ClassesTransformer;
import java.util.List;
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
}
