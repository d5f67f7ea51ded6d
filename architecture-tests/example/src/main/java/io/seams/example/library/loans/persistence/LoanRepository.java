package io.seams.example.library.loans.persistence;

import io.seams.example.library.loans.domain.Loan;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LoanRepository {

    private final JdbcClient jdbc;

    LoanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Loan loan) {
        jdbc.sql("""
                        INSERT INTO loan (id, member_id, isbn, opened_on, due_on, returned_on)
                        VALUES (:id, :memberId, :isbn, :openedOn, :dueOn, :returnedOn)""").paramSource(loan).update();
    }

    public void update(Loan loan) {
        jdbc.sql("UPDATE loan SET due_on = :dueOn, returned_on = :returnedOn WHERE id = :id")
                .paramSource(loan)
                .update();
    }

    public Optional<Loan> findById(UUID id) {
        return jdbc.sql("SELECT id, member_id, isbn, opened_on, due_on, returned_on FROM loan WHERE id = :id")
                .param("id", id)
                .query(Loan.class)
                .optional();
    }

    public long countOpenLoansOf(UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM loan WHERE member_id = :memberId AND returned_on IS NULL")
                .param("memberId", memberId)
                .query(Long.class)
                .single();
    }

    public long countOpenLoansFor(String isbn) {
        return jdbc.sql("SELECT count(*) FROM loan WHERE isbn = :isbn AND returned_on IS NULL")
                .param("isbn", isbn)
                .query(Long.class)
                .single();
    }
}
