package io.seams.example.library.loans;

/** The library does not lend: unknown or suspended member, unknown book, no copy left, too many loans. */
public class LoanRefusedException extends RuntimeException {

    public LoanRefusedException(String reason) {
        super(reason);
    }
}
