package io.seams.example.library.catalog.internal;

import io.seams.example.library.catalog.BookDetails;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BookRepository {

    private final JdbcClient jdbc;

    BookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(BookDetails book) {
        jdbc.sql("""
                        INSERT INTO book (isbn, title, author, copies) VALUES (:isbn, :title, :author, :copies)
                        ON CONFLICT (isbn) DO UPDATE SET title = :title, author = :author, copies = :copies""").paramSource(book).update();
    }

    public Optional<BookDetails> findByIsbn(String isbn) {
        return jdbc.sql("SELECT isbn, title, author, copies FROM book WHERE isbn = :isbn")
                .param("isbn", isbn)
                .query(BookDetails.class)
                .optional();
    }
}
