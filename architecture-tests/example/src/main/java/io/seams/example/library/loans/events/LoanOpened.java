package io.seams.example.library.loans.events;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A member borrowed a book, to bring back by {@code dueOn}. Also published to the message broker:
 * exchange {@code loans-exchange}, routing key {@code loans.LoanOpened.v1}, which carries the contract's version.
 */
@Externalized("loans-exchange::loans.LoanOpened.v1")
public record LoanOpened(UUID loanId, UUID memberId, String memberEmail, String isbn, String title, LocalDate dueOn) {}
