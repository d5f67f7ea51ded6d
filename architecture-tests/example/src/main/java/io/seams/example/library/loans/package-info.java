/**
 * Loans: a member borrows a copy of a book for three weeks and brings it back.
 *
 * <p>Offers {@link io.seams.example.library.loans.LoanService}: open a loan, return a book. Publishes
 * its events in the named interface {@code loans::events}. Owns the {@code loan} table (migrations in
 * {@code db/migration/loans}). Asks the catalog and the members modules before lending.
 */
@ApplicationModule(
        displayName = "Loans",
        allowedDependencies = {"catalog", "members"})
package io.seams.example.library.loans;

import org.springframework.modulith.ApplicationModule;
