/**
 * Dev-only: an embedded PostgreSQL when no datasource is configured ({@code
 * seams.database.embedded.enabled}, off in {@code prod}).
 */
package io.seams.shop.platform.dev.database;
