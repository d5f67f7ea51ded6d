package io.seams.example.library.loans.domain;

import java.util.Optional;

/** When the library lends. */
public final class LoanPolicy {

    /** How many books a member may have at once. */
    public static final int MAX_OPEN_LOANS = 3;

    private LoanPolicy() {}

    /** Why the library will not lend, if it will not. */
    public static Optional<String> refusal(
            boolean memberActive, long openLoansOfMember, long openLoansOfBook, int copies) {
        if (!memberActive) {
            return Optional.of("The member is suspended");
        }
        if (openLoansOfMember >= MAX_OPEN_LOANS) {
            return Optional.of("The member already has " + openLoansOfMember + " books");
        }
        if (openLoansOfBook >= copies) {
            return Optional.of("Every copy is lent");
        }
        return Optional.empty();
    }
}
