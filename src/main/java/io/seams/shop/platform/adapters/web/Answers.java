package io.seams.shop.platform.adapters.web;

import io.seams.shop.platform.kernel.Outcome;
import io.seams.shop.platform.kernel.Refusal;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How every module's HTTP API answers a command: the one mapping of {@link Outcome}s to HTTP (see
 * docs/adr/0016-one-outcome-vocabulary.md). Applied: the operation's success status with the
 * resource as it is now. Unchanged (the command's effect already held): {@code 200 OK} with the
 * resource as it is now, so repeating a command is safe. Refused: a problem detail — {@code 404}
 * when there is no such resource, {@code 409} when its state does not allow the command, {@code
 * 422} when the request breaks a business rule.
 */
public final class Answers {

    private Answers() {}

    /** The answer to a command whose success is {@code 200 OK}. */
    public static <T> ResponseEntity<T> to(Outcome<T> outcome) {
        return to(outcome, HttpStatus.OK);
    }

    /** The answer to a command whose success is {@code applied} ({@code 202} when the rest happens later, say). */
    public static <T> ResponseEntity<T> to(Outcome<T> outcome, HttpStatus applied) {
        return outcome.fold(result -> ResponseEntity.status(applied).body(result), ResponseEntity::ok, refusal -> {
            throw problem(refusal);
        });
    }

    /**
     * {@code 201 Created} for the resource {@code id} in the collection the current request was
     * posted to: its {@code Location} is that collection's URI and the id, without the request's
     * query string.
     */
    public static ResponseEntity.BodyBuilder created(Object id) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
        return ResponseEntity.created(location);
    }

    /** The problem detail of a refusal, to throw. */
    public static ErrorResponseException problem(Refusal refusal) {
        var status = switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STATE -> HttpStatus.CONFLICT;
            case REQUEST -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        var problem = Problems.problem(status, refusal.code(), refusal.title(), refusal.detail());
        refusal.facts().forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }
}
