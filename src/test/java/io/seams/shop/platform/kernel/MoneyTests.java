package io.seams.shop.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void amountsAreKeptExactlyAtTheCurrencysScale() {
        assertThat(Money.of("12.9", "EUR").amount()).isEqualTo(new BigDecimal("12.90"));
        assertThat(Money.of("0.1", "EUR").plus(Money.of("0.2", "EUR"))).isEqualTo(Money.of("0.30", "EUR"));
    }

    @Test
    void multiplyingByAQuantityIsExact() {
        assertThat(Money.of("12.90", "EUR").times(3)).isEqualTo(Money.of("38.70", "EUR"));
    }

    @Test
    void moreFractionDigitsThanTheCurrencyHasAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1.005", "EUR"))
                .withMessageContaining("fraction digits");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.5", "JPY"));
    }

    @Test
    void differentCurrenciesDoNotAdd() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
                .withMessageContaining("EUR")
                .withMessageContaining("USD");
    }

    @Test
    void equalAmountsAreEqualWhateverTheirWrittenScale() {
        assertThat(Money.of("5", "EUR")).isEqualTo(Money.of("5.00", "EUR"));
    }
}
