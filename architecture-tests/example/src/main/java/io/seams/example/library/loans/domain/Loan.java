package io.seams.example.library.loans.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A copy of a book lent to a member, open until it is returned. */
public record Loan(UUID id, UUID memberId, String isbn, LocalDate openedOn, LocalDate dueOn, LocalDate returnedOn) {

    /** How long a member keeps a book. */
    public static final int LOAN_DAYS = 21;

    public static Loan open(UUID memberId, String isbn, LocalDate today) {
        return new Loan(UUID.randomUUID(), memberId, isbn, today, today.plusDays(LOAN_DAYS), null);
    }

    public Loan returned(LocalDate day) {
        if (returnedOn != null) {
            throw new IllegalStateException("Loan " + id + " was returned on " + returnedOn);
        }
        return new Loan(id, memberId, isbn, openedOn, dueOn, day);
    }

    public boolean isOverdue(LocalDate today) {
        return returnedOn == null && today.isAfter(dueOn);
    }
}
