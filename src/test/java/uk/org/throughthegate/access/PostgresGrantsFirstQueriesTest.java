package uk.org.throughthegate.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

import uk.org.throughthegate.contexts.TestPostgres;

/** The same grants and tasks on PostgreSQL, where the statement is built for speed. */
@Tag("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
class PostgresGrantsFirstQueriesTest extends GrantsFirstQueriesTest {

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }
}
