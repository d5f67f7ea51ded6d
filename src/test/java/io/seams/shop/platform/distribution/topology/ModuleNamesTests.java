package io.seams.shop.platform.distribution.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which packages hold Seams' modules is one answer for the whole process: no caller can change it. */
class ModuleNamesTests {

    @Test
    void aCallerCannotChangeTheBasePackages() {
        assertThatThrownBy(() -> ModuleNames.basePackages().add("io.example"))
                .isInstanceOf(UnsupportedOperationException.class);

        assertThat(ModuleNames.basePackages()).containsExactly("io.seams.shop");
    }
}
