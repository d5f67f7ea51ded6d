package io.seams.example.library;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A lending library: a catalog of books, its members, their loans, and the mail they get. */
@SpringBootApplication
public class LendingLibraryApplication {

    public static void main(String[] args) {
        SpringApplication.run(LendingLibraryApplication.class, args);
    }
}
