package io.seams.example.library.loans;

import io.seams.example.library.catalog.CatalogService;
import io.seams.example.library.loans.domain.Loan;
import io.seams.example.library.loans.domain.LoanPolicy;
import io.seams.example.library.loans.events.LoanOpened;
import io.seams.example.library.loans.persistence.LoanRepository;
import io.seams.example.library.members.MemberService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Lending books and taking them back. */
@Service
public class LoanService {

    private final CatalogService catalog;
    private final MemberService members;
    private final LoanRepository loans;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoanService(
            CatalogService catalog,
            MemberService members,
            LoanRepository loans,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.catalog = catalog;
        this.members = members;
        this.loans = loans;
        this.events = events;
        this.transactions = transactions;
        this.clock = Clock.systemDefaultZone();
    }

    /** Lends a copy of the book to the member, and tells whoever listens ({@link LoanOpened}). */
    public LoanReceipt openLoan(UUID memberId, String isbn) {
        // Ask the other modules first: their answers need no transaction of ours.
        var member = members.findMember(memberId).orElseThrow(() -> new LoanRefusedException("No member " + memberId));
        var book = catalog.findBook(isbn).orElseThrow(() -> new LoanRefusedException("No book " + isbn));
        var active = member.active();
        var email = member.email();
        var title = book.title();
        var copies = book.copies();
        var today = LocalDate.now(clock);

        return transactions.execute(status -> {
            LoanPolicy.refusal(active, loans.countOpenLoansOf(memberId), loans.countOpenLoansFor(isbn), copies)
                    .ifPresent(reason -> {
                        throw new LoanRefusedException(reason);
                    });
            var loan = Loan.open(memberId, isbn, today);
            loans.insert(loan);
            events.publishEvent(new LoanOpened(loan.id(), memberId, email, isbn, title, loan.dueOn()));
            return new LoanReceipt(loan.id(), loan.dueOn());
        });
    }

    /** Takes a book back. */
    @Transactional
    public void returnBook(UUID loanId) {
        var loan = loans.findById(loanId).orElseThrow(() -> new IllegalArgumentException("No loan " + loanId));
        loans.update(loan.returned(LocalDate.now(clock)));
    }
}
