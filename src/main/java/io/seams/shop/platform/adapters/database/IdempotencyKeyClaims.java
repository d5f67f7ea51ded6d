package io.seams.shop.platform.adapters.database;

import io.seams.shop.platform.kernel.Fingerprints;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One module's table of {@code Idempotency-Key} claims, each key with the scope it is unique in
 * (a customer, a registrar: clients choose keys, so two of them may choose the same one), a
 * fingerprint of the request it came with, the id of what that request created, and when. A key
 * is kept only as its SHA-256 hash ({@link Fingerprints}): a client may put personal data in a
 * key, and erasure could not find it there. The module names its own table and columns; the table
 * has {@code key_hash}, {@code fingerprint} and {@code created_at} columns, and a unique key on the
 * scope and {@code key_hash}.
 */
public final class IdempotencyKeyClaims {

    private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");

    private final String table;
    private final String scope;
    private final String created;
    private final JdbcClient jdbc;

    /**
     * The claims kept in the given table.
     *
     * @param table the table, with its schema ({@code orders.idempotency_key})
     * @param scope the column of the scope a key is unique in
     * @param created the column of the id of what the first request created
     */
    public IdempotencyKeyClaims(String table, String scope, String created, JdbcClient jdbc) {
        this.table = name(table);
        this.scope = name(scope);
        this.created = name(created);
        this.jdbc = Objects.requireNonNull(jdbc);
    }

    /** The claim of the key in the scope, if the key was used there (and not forgotten since). */
    public Optional<Stored> find(Object scopeValue, String key) {
        return jdbc.sql("SELECT fingerprint, %s, created_at FROM %s WHERE %s = ? AND key_hash = ?"
                        .formatted(created, table, scope))
                .params(scopeValue, Fingerprints.of(key))
                .query((row, number) -> new Stored(
                        row.getString("fingerprint"),
                        row.getObject(created, UUID.class),
                        row.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /**
     * Claims the key in the scope, in the current transaction; false if it was claimed before (a
     * concurrent claim waits for the other transaction to finish).
     */
    public boolean claim(Object scopeValue, String key, String fingerprint, UUID createdId, Instant claimedAt) {
        var claimed = jdbc.sql("""
                        INSERT INTO %s (%s, key_hash, fingerprint, %s, created_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (%s, key_hash) DO NOTHING""".formatted(table, scope, created, scope))
                .params(scopeValue, Fingerprints.of(key), fingerprint, createdId, Timestamp.from(claimedAt))
                .update();
        return claimed == 1;
    }

    /** Deletes the keys claimed before the cutoff; returns how many (see {@link IdempotencyKeyTable}). */
    public int forgetClaimedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM %s WHERE created_at < ?".formatted(table))
                .param(Timestamp.from(cutoff))
                .update();
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a table or column name: " + name);
        }
        return name;
    }

    /**
     * A key's claim as stored.
     *
     * @param fingerprint the fingerprint of the request that first used the key
     * @param created the id of what that request created
     * @param claimedAt when it was made
     */
    public record Stored(String fingerprint, UUID created, Instant claimedAt) {}
}
