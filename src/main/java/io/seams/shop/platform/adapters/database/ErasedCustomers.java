package io.seams.shop.platform.adapters.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customers whose personal data one module has erased, kept in that module's table
 * {@code <schema>.erased_customer}. An erasure and a new copy of the same customer's data take turns
 * on one lock per module and customer, so a copy written after an erasure is written anonymised and
 * an erasure after a copy replaces it. Which fields become what is the module's domain's to say.
 */
public final class ErasedCustomers {

    private final String schema;
    private final JdbcClient jdbc;
    private final TransactionLocks locks;

    /** The erased customers of the module whose schema is given. */
    public ErasedCustomers(String schema, JdbcClient jdbc, TransactionLocks locks) {
        this.schema = Objects.requireNonNull(schema);
        this.jdbc = Objects.requireNonNull(jdbc);
        this.locks = Objects.requireNonNull(locks);
    }

    /**
     * Takes the customer's lock until the current transaction ends and says whether the customer's
     * personal data was erased: call it before writing a copy of that data.
     */
    public boolean lockAndCheck(UUID customer) {
        lock(customer);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + schema + ".erased_customer WHERE customer_id = ?)")
                .param(customer)
                .query(Boolean.class)
                .single();
    }

    /**
     * Records the customer as erased, under the customer's lock, and runs the update that replaces
     * the copies already written.
     *
     * @param update SQL whose parameters are the tombstones, in order, and last the customer's id
     * @return how many rows the update changed
     */
    public int erase(UUID customer, String update, Object... tombstones) {
        lock(customer);
        jdbc.sql("INSERT INTO " + schema + ".erased_customer (customer_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(customer)
                .update();
        var params = new ArrayList<>(Arrays.asList(tombstones));
        params.add(customer);
        return jdbc.sql(update).params(params).update();
    }

    private void lock(UUID customer) {
        locks.lock(schema + ".customer:" + customer);
    }
}
