package io.seams.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.fitness.fixtures.structure.StructureApplication;
import org.junit.jupiter.api.Test;

class ModuleDiagramTests {

    @Test
    void drawsSynchronousDependenciesSolidAndEventsDashed() {
        var app = ModularApplication.of(StructureApplication.class);

        assertThat(ModuleDiagram.mermaid(app)).isEqualTo("""
                        flowchart LR
                            a
                            b
                            c
                            b --> a
                            b --> c
                            c --> b
                            a -. "SomethingElseHappened" .-> b
                            b -. "SomethingHappened" .-> a
                        """);
    }
}
