/**
 * The database as every process uses it: each module migrates its own schema ({@code db/<module>/}),
 * and {@link io.seams.shop.platform.adapters.database.TransactionLocks} lets modules take turns on
 * one thing without locking another module's tables.
 */
@NamedInterface("database")
package io.seams.shop.platform.adapters.database;

import org.springframework.modulith.NamedInterface;
