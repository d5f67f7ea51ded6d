package io.seams.shop;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks for personal data in every text column of every table the application has. */
final class PersonalData {

    private PersonalData() {}

    /** The {@code schema.table.column}s holding any of the given fragments. */
    static List<String> placesHolding(JdbcClient jdbc, String... fragments) {
        var columns = jdbc.sql("""
                        SELECT table_schema, table_name, column_name FROM information_schema.columns
                        WHERE data_type IN ('text', 'character varying', 'character')
                          AND table_schema NOT IN ('pg_catalog', 'information_schema')""")
                .query((row, number) -> new String[] {row.getString(1), row.getString(2), row.getString(3)})
                .list();
        var found = new ArrayList<String>();
        for (var column : columns) {
            for (var fragment : fragments) {
                var hits = jdbc.sql("SELECT count(*) FROM \"%s\".\"%s\" WHERE \"%s\" ILIKE ?"
                                .formatted(column[0], column[1], column[2]))
                        .param("%" + fragment + "%")
                        .query(Long.class)
                        .single();
                if (hits > 0) {
                    found.add(String.join(".", column) + " holds '" + fragment + "'");
                }
            }
        }
        return found;
    }
}
