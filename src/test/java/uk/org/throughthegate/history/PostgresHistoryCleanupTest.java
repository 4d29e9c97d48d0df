package uk.org.throughthegate.history;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

import uk.org.throughthegate.contexts.TestPostgres;

/** History cleanup deletes by removal time with SQL of its own per database: checked on PostgreSQL too. */
@Tag("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
class PostgresHistoryCleanupTest extends HistoryCleanupTest {

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }
}
