package io.seams.shop.architecture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Workshop exercise 06 (docs/workshop/exercises/06-own-your-data): a module's SQL and its
 * migrations name only its own schema.
 */
@Tag("ex-06")
class DataOwnershipTests {

    /** SQL in a module's sources (string literals and text blocks) names no other module's schema. */
    @Test
    void moduleSqlNamesOnlyItsOwnSchema() {
        OneFitnessRule.check("sql-schema-ownership");
    }

    /** db/<module>/*.sql creates and changes objects in schema <module> only: no view, key or grant into another. */
    @Test
    void migrationsChangeOnlyTheirOwnSchema() {
        OneFitnessRule.check("migration-schema-ownership");
    }
}
