package io.seams.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.testing.TestDatabases;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What {@code docs/workshop/ws doctor} runs: the build compiles, and the tests' PostgreSQL starts and answers. */
@Tag("workshop-doctor")
class WorkshopDoctorTests {

    @Test
    void theTestDatabaseStartsAndAnswers() throws SQLException {
        var database = TestDatabases.fresh();
        try (var connection = DriverManager.getConnection(database.url(), database.username(), database.password());
                var result = connection
                        .createStatement()
                        .executeQuery("select current_setting('server_version_num')::int")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isGreaterThanOrEqualTo(150000);
        }
    }
}
