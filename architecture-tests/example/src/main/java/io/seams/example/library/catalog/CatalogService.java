package io.seams.example.library.catalog;

import io.seams.example.library.catalog.internal.BookRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask the catalog. */
@Service
public class CatalogService {

    private final BookRepository books;

    CatalogService(BookRepository books) {
        this.books = books;
    }

    @Transactional
    public BookDetails addBook(String isbn, String title, String author, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("A book needs at least one copy: " + isbn);
        }
        var book = new BookDetails(isbn, title, author, copies);
        books.save(book);
        return book;
    }

    public Optional<BookDetails> findBook(String isbn) {
        return books.findByIsbn(isbn);
    }
}
