package io.seams.example.library;

import io.seams.fitness.Fitness;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The architecture fitness rules on the library; our conventions are in src/test/resources/fitness.properties. */
class ArchitectureFitnessTests {

    @TestFactory
    Stream<DynamicTest> fitness() {
        return Fitness.of(LendingLibraryApplication.class).tests();
    }
}
