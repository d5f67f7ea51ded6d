package io.seams.example.library.loans;

import java.time.LocalDate;
import java.util.UUID;

/** What a member takes home with the book: the loan's number and when to bring it back. */
public record LoanReceipt(UUID loanId, LocalDate dueOn) {}
