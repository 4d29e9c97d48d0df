package uk.org.throughthegate.dashboard;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

import uk.org.throughthegate.contexts.TestPostgres;

/** The dashboard's figures again on PostgreSQL, whose SQL dialect and planner production uses. */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
class PostgresDashboardTest extends DashboardTest {

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }
}
