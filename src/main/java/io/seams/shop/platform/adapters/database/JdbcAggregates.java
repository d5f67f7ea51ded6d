package io.seams.shop.platform.adapters.database;

import io.seams.shop.platform.kernel.Aggregate;
import io.seams.shop.platform.kernel.Aggregates;
import java.util.Optional;
import org.jmolecules.ddd.types.Identifier;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every JDBC repository of an aggregate that commands change by its identity does the same
 * way: reading the aggregate and locking it to change it are one query, which ends with the row
 * lock or without it.
 *
 * @param <A> the aggregate
 * @param <I> its identifier
 */
public abstract class JdbcAggregates<A extends Aggregate<A, I>, I extends Identifier> implements Aggregates<A, I> {

    @Override
    public Optional<A> findById(I id) {
        return select(id, "");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<A> lockById(I id) {
        return select(id, " FOR UPDATE");
    }

    /**
     * The aggregate with the given identity.
     *
     * @param lock appended to the query that selects the aggregate's row: empty, or the clause that
     *     locks the row until the transaction ends
     */
    protected abstract Optional<A> select(I id, String lock);
}
