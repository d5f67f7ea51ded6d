package io.seams.shop.platform.adapters.web;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/**
 * The {@code Idempotency-Key} contract of every command that creates something: a client that
 * sends the same key with the same body again gets what the first request created, {@code 201}
 * with {@code Idempotent-Replayed: true}, and nothing is created twice; the same key with another
 * body is refused. The key is checked here and documented by {@link IdempotencyKeyDocumentation},
 * so the contract is written once.
 */
public final class IdempotencyKeyHeader {

    /** The request header that carries the key. */
    public static final String NAME = "Idempotency-Key";

    /** The answer header that says whether the answer replays an earlier request's. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** 1 to 200 visible ASCII characters; the same pattern in Java and in the description. */
    static final String PATTERN = "^[\\x21-\\x7E]{1,200}$";

    private static final Pattern KEY = Pattern.compile(PATTERN);

    private IdempotencyKeyHeader() {}

    /** The key as sent, if any; a {@code 400} problem to throw when it is not 1 to 200 visible ASCII characters. */
    public static Optional<String> checked(Optional<String> header) {
        header.filter(key -> !KEY.matcher(key).matches()).ifPresent(key -> {
            throw Problems.badRequest(NAME, "must be 1 to 200 visible ASCII characters");
        });
        return header;
    }

    /**
     * {@code 201 Created} for the resource {@code id} (see {@link Answers#created(Object)}), saying
     * whether it answers a retry: a replay answers as the first request did, and says it is one.
     */
    public static ResponseEntity.BodyBuilder created(Object id, boolean replayed) {
        return Answers.created(id).header(REPLAYED, Boolean.toString(replayed));
    }
}
