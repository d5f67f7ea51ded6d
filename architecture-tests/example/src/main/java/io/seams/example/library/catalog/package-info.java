/**
 * The books the library holds and how many copies of each.
 *
 * <p>Offers {@link io.seams.example.library.catalog.CatalogService}: add a book, look one up by ISBN.
 * Owns the {@code book} table (migrations in {@code db/migration/catalog}).
 */
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {})
package io.seams.example.library.catalog;

import org.springframework.modulith.ApplicationModule;
