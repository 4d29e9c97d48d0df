package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/**
 * The whole journey on a real PostgreSQL (the production database). .ci/run creates the database;
 * elsewhere set TTG_TEST_DB_URL. Case references are unique per run, as the database is kept.
 */
@Tag("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
@ActiveProfiles("test")
class PostgresJourneyTest {

    static final String URL = System.getenv().getOrDefault("TTG_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/through_the_gate_test");

    @Autowired
    ProcessEngine engine;

    /**
     * A newcomer with only Java and Maven has no PostgreSQL: these tests are then skipped, saying
     * so. In CI (CI=true) PostgreSQL is required and an unreachable database fails the build.
     */
    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
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

    @Autowired
    DataSource dataSource;

    @Test
    void aWholeJourneyRunsOnPostgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        WholeJourney.walk(engine, "PG-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase());
    }

    @Test
    void aCaseSentBackToCustodyRunsLicenceTwiceOnPostgresql() {
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        try {
            RecallToCustodyProcessTest.recallMidLicenceAndRunLicenceAgain(engine,
                    "PG-RECALL-" + Long.toString(System.nanoTime(), 36).toUpperCase());
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void anEarlierReleaseMovesTheDeadlinesOnPostgresql() {
        String reference = "PG-EARLY-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        ClockUtil.setCurrentTime(JourneyScenario.at("2027-01-04T10:00"));
        try {
            var journey = JourneyScenario.start(engine, JourneyScenario.lewishamCase(reference));
            var change = new java.util.HashMap<String, Object>();
            change.put("caseReference", reference);
            change.put("newReleaseDate", "2027-03-01");
            change.put("releaseChangeReason", "early-release");
            engine.getRuntimeService().startProcessInstanceByKey(ReleaseDateChangeProcess.KEY, change);
            assertThat(engine.getRuntimeService().getVariables(journey.getId())).containsEntry("releaseDate", "2027-03-01")
                    .containsEntry("accommodationDue", "2027-01-18").containsEntry("handoverDue", "2027-02-15");
            assertThat(JourneyScenario.timer(engine, journey, "Timer_ReleaseDateReached").getDuedate())
                    .isEqualTo(JourneyScenario.startOfDay("2027-03-01"));
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aRefusedEntryLeavesNothingInPostgresql() {
        String reference = "PG-BAD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        var entry = JourneyScenario.lewishamCase(reference);
        entry.put("establishment", "alcatraz");
        try {
            JourneyScenario.start(engine, entry);
        } catch (CustodyEntryRefused expected) {
            assertThat(expected).hasMessageContaining("establishment 'alcatraz'");
        }
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count()).isZero();
    }
}
