package uk.org.throughthegate.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

import uk.org.throughthegate.contexts.TestPostgres;

/**
 * On PostgreSQL the rows of a JDBC batch (the engine flushes a step's new rows of one table as one)
 * reach the database as one multi-row statement; the driver then counts no rows per insert, which
 * is how it shows. (The driver sends rows in groups of a power of two: four rows are one statement,
 * three are two.)
 */
@Tag("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
@ActiveProfiles("test")
class PostgresBatchedInsertsTest {

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }

    @Test
    void theServicesConnectionsSendABatchOfInsertsAsOneStatement() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(insertFourRowsInOneBatch(connection)).containsOnly(Statement.SUCCESS_NO_INFO);
        }
    }

    @Test
    void anAddressThatSwitchesItOffIsObeyed() throws SQLException {
        try (HikariDataSource own = postgres(TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=false")) {
            new PostgresBatchedInserts().postProcessAfterInitialization(own, "dataSource");
            try (Connection connection = own.getConnection()) {
                assertThat(insertFourRowsInOneBatch(connection)).containsExactly(1, 1, 1, 1);
            }
        }
    }

    @Test
    void anotherDatabaseIsLeftAsItIs() {
        try (HikariDataSource h2 = new HikariDataSource()) {
            h2.setJdbcUrl("jdbc:h2:mem:batched-inserts");
            new PostgresBatchedInserts().postProcessAfterInitialization(h2, "dataSource");
            // H2 refuses a connection setting it does not know
            assertThat(h2.getDataSourceProperties()).doesNotContainKey(PostgresBatchedInserts.PROPERTY);
        }
    }

    private static HikariDataSource postgres(String url) {
        HikariDataSource own = new HikariDataSource();
        own.setJdbcUrl(url);
        own.setUsername(System.getenv().getOrDefault("TTG_TEST_DB_USER", "postgres"));
        own.setPassword(System.getenv().getOrDefault("TTG_TEST_DB_PASSWORD", ""));
        own.setMaximumPoolSize(1);
        return own;
    }

    private static int[] insertFourRowsInOneBatch(Connection connection) throws SQLException {
        try (Statement table = connection.createStatement()) {
            table.execute("create temporary table batched_insert_probe (n int)");
        }
        try (var insert = connection.prepareStatement("insert into batched_insert_probe (n) values (?)")) {
            for (int n = 1; n <= 4; n++) {
                insert.setInt(1, n);
                insert.addBatch();
            }
            return insert.executeBatch();
        } finally {
            try (Statement table = connection.createStatement()) {
                table.execute("drop table batched_insert_probe");
            }
        }
    }
}
