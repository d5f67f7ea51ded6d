package io.seams.shop.platform.kernel;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a use case did, as a value: every use case that changes something answers with one, and the
 * web layer maps every case to HTTP in one place. Applied: the change was made. Unchanged: its
 * effect already held (a repeated request), nothing was done. Refused: nothing was done, for a
 * reason.
 *
 * <p>A sealed class rather than a sealed interface: the fitness rules take an interface at a
 * module's root for a remotely callable API, which this is not — it is a value.
 *
 * @param <T> what the use case acted on, as it is afterwards
 */
public abstract sealed class Outcome<T> permits Outcome.WithResult, Outcome.Refused {

    private Outcome() {}

    /** An outcome about what the use case acted on, as it is now: applied or unchanged. */
    public abstract static sealed class WithResult<T> extends Outcome<T> permits Applied, Unchanged {

        private final T result;

        private WithResult(T result) {
            this.result = result;
        }

        public T result() {
            return result;
        }

        @Override
        public <R> R fold(Function<T, R> applied, Function<T, R> unchanged, Function<Refusal, R> refused) {
            return this instanceof Applied ? applied.apply(result) : unchanged.apply(result);
        }
    }

    /** The change was made; {@link #result()} is what it was made to, as it is now. */
    public static final class Applied<T> extends WithResult<T> {

        private Applied(T result) {
            super(result);
        }
    }

    /** The change had been made before: nothing was done; {@link #result()} is as it is now. */
    public static final class Unchanged<T> extends WithResult<T> {

        private Unchanged(T result) {
            super(result);
        }
    }

    /** Nothing was done, for the {@link #refusal()}'s reason. */
    public static final class Refused<T> extends Outcome<T> {

        private final Refusal refusal;

        private Refused(Refusal refusal) {
            this.refusal = Objects.requireNonNull(refusal);
        }

        public Refusal refusal() {
            return refusal;
        }

        @Override
        public <R> R fold(Function<T, R> applied, Function<T, R> unchanged, Function<Refusal, R> refused) {
            return refused.apply(refusal);
        }
    }

    public static <T> Outcome<T> applied(T result) {
        return new Applied<>(result);
    }

    public static <T> Outcome<T> unchanged(T result) {
        return new Unchanged<>(result);
    }

    public static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /**
     * What an aggregate's transition came to; a refused one is described by the given code and
     * title, with the aggregate's reason as its detail.
     */
    public static <T> Outcome<T> of(T result, Transition transition, String code, String title) {
        return switch (transition.outcome()) {
            case APPLIED -> applied(result);
            case UNCHANGED -> unchanged(result);
            case REFUSED -> refused(Refusal.byState(code, title, Objects.requireNonNull(transition.reason())));
        };
    }

    /**
     * Asks what was found to change, saves it if it did, and says what came of it: the one way a use
     * case moves an aggregate. Nothing found is refused as {@code notFound}; a refused transition is
     * described by the given code and title.
     */
    public static <T> Outcome<T> ofChange(
            Optional<T> found,
            Function<T, Transition> change,
            Consumer<T> save,
            Supplier<Refusal> notFound,
            String code,
            String title) {
        return found.map(it -> {
                    var transition = change.apply(it);
                    if (transition.changedState()) {
                        save.accept(it);
                    }
                    return Outcome.of(it, transition, code, title);
                })
                .orElseGet(() -> refused(notFound.get()));
    }

    /** Answers each case in its own way: the one place a caller decides what every case means. */
    public abstract <R> R fold(Function<T, R> applied, Function<T, R> unchanged, Function<Refusal, R> refused);

    /** Whether something changed. */
    public boolean changedState() {
        return this instanceof Applied;
    }

    /** The same outcome about something else (a view of the result, say). */
    public <R> Outcome<R> map(Function<T, R> mapping) {
        return fold(
                result -> applied(mapping.apply(result)), result -> unchanged(mapping.apply(result)), Outcome::refused);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Outcome<?> that
                && getClass() == that.getClass()
                && Objects.equals(content(), that.content());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), content());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + content() + "]";
    }

    private Object content() {
        return fold(result -> result, result -> result, refusal -> refusal);
    }
}
