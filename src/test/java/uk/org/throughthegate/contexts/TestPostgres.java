package uk.org.throughthegate.contexts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL the tests tagged "postgres" use: .ci/run creates the database; elsewhere set
 * TTG_TEST_DB_URL (and TTG_TEST_DB_USER, TTG_TEST_DB_PASSWORD).
 */
public final class TestPostgres {

    public static final String URL = System.getenv().getOrDefault("TTG_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/through_the_gate_test");

    private TestPostgres() {
    }

    /**
     * A newcomer with only Java and Maven has no PostgreSQL: these tests are then skipped, saying
     * so. In CI (CI=true) PostgreSQL is required and an unreachable database fails the build.
     */
    public static void reachableOrThisIsCi() {
        boolean reachable;
        try (var c = DriverManager.getConnection(URL, System.getenv().getOrDefault("TTG_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("TTG_TEST_DB_PASSWORD", ""))) {
            reachable = c.isValid(2);
        } catch (SQLException e) {
            reachable = false;
        }
        assumeTrue(reachable || "true".equals(System.getenv("CI")),
                "PostgreSQL is not reachable at " + URL + ": skipping the PostgreSQL tests (.ci/run starts it)");
    }
}
