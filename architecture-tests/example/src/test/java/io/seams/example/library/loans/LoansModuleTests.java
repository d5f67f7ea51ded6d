package io.seams.example.library.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seams.example.library.catalog.CatalogService;
import io.seams.example.library.loans.events.LoanOpened;
import io.seams.example.library.members.MemberService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The loans module with the catalog and members modules it asks, on a PostgreSQL migrated module by
 * module. The context closes after the class, while the database still runs (its own shutdown hook
 * would stop it before Spring Modulith's event registry has said goodbye).
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@DirtiesContext
@TestPropertySource(properties = "spring.main.banner-mode=off")
class LoansModuleTests {

    static final EmbeddedPostgres postgres = start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    LoanService loans;

    @Autowired
    CatalogService catalog;

    @Autowired
    MemberService members;

    @Test
    void lendsTheLastCopyAndSaysSo(Scenario scenario) {
        var book = catalog.addBook("978-0-14-044913-6", "Crime and Punishment", "Dostoevsky", 1);
        var ada = members.register("Ada", "ada@example.org");
        var grace = members.register("Grace", "grace@example.org");

        scenario.stimulate(() -> loans.openLoan(ada.id(), book.isbn()))
                .andWaitForEventOfType(LoanOpened.class)
                .matching(opened -> opened.memberId().equals(ada.id()))
                .toArriveAndVerify((opened, receipt) -> {
                    assertThat(opened.loanId()).isEqualTo(receipt.loanId());
                    assertThat(opened.memberEmail()).isEqualTo("ada@example.org");
                    assertThat(opened.dueOn()).isEqualTo(LocalDate.now().plusDays(21));
                });

        assertThatThrownBy(() -> loans.openLoan(grace.id(), book.isbn()))
                .isInstanceOf(LoanRefusedException.class)
                .hasMessage("Every copy is lent");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
