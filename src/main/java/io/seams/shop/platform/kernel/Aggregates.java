package io.seams.shop.platform.kernel;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jmolecules.ddd.types.Identifier;
import org.jmolecules.ddd.types.Repository;

/**
 * The repository of an aggregate that commands change one at a time, by its identity: read it,
 * lock it to change it, store the change.
 *
 * @param <A> the aggregate
 * @param <I> its identifier
 */
public interface Aggregates<A extends Aggregate<A, I>, I extends Identifier> extends Repository<A, I> {

    /** The aggregate as it was last stored, for reading. */
    Optional<A> findById(I id);

    /**
     * Loads the aggregate to change it, holding its row lock until the transaction ends: concurrent
     * commands on one aggregate take turns, and each sees what the one before it did.
     */
    Optional<A> lockById(I id);

    /**
     * Stores a changed aggregate and publishes the events it raised, in the same transaction.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if the aggregate was changed
     *     since it was loaded
     */
    void update(A aggregate);

    /**
     * Runs a command on the aggregate under its lock and stores the aggregate if it changed: the one
     * way a use case moves an aggregate ({@link Outcome#ofChange}). Not found is refused as {@code
     * notFound}; a refused transition is described by the given code and title.
     */
    default Outcome<A> change(
            I id, Function<A, Transition> command, Supplier<Refusal> notFound, String code, String title) {
        return Outcome.ofChange(lockById(id), command, this::update, notFound, code, title);
    }
}
