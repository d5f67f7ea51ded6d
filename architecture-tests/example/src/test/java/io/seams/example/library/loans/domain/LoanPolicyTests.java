package io.seams.example.library.loans.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoanPolicyTests {

    @Test
    void lendsWhileTheMemberHasRoomAndACopyIsLeft() {
        assertThat(LoanPolicy.refusal(true, 2, 1, 2)).isEmpty();
        assertThat(LoanPolicy.refusal(true, 3, 0, 2)).contains("The member already has 3 books");
        assertThat(LoanPolicy.refusal(true, 0, 2, 2)).contains("Every copy is lent");
        assertThat(LoanPolicy.refusal(false, 0, 0, 2)).contains("The member is suspended");
    }

    @Test
    void aLoanIsDueThreeWeeksAfterItOpens() {
        var loan = Loan.open(UUID.randomUUID(), "978-0-00-000000-0", LocalDate.parse("2026-03-02"));

        assertThat(loan.dueOn()).isEqualTo(LocalDate.parse("2026-03-23"));
        assertThat(loan.isOverdue(LocalDate.parse("2026-03-23"))).isFalse();
        assertThat(loan.isOverdue(LocalDate.parse("2026-03-24"))).isTrue();
        assertThat(loan.returned(LocalDate.parse("2026-03-30")).isOverdue(LocalDate.parse("2026-04-01")))
                .isFalse();
    }
}
