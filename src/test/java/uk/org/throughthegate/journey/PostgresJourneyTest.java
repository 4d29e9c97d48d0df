package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.contexts.TestPostgres;
import uk.org.throughthegate.journey.entry.CustodyEntryRefused;
import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.migration.JourneyMigration;
import uk.org.throughthegate.journey.change.RecallToCustodyProcessTest;
import uk.org.throughthegate.journey.change.ReleaseDateChangeProcess;

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
public class PostgresJourneyTest {

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JourneyMigration migration;

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
    void aChildTurning18OnLicenceIsHandedToProbationOnPostgresql() {
        ResettlementJourneyProcessTest.turning18OnLicence(engine, unique("PG-EIGHTEEN"));
    }

    @Test
    void aTransferMovesTasksAndAccessOnPostgresql() {
        String reference = unique("PG-MOVED");
        var journey = JourneyScenario.start(engine, JourneyScenario.lewishamCase(reference));
        JourneyScenario.complete(engine, journey, "Task_RecordConsent");

        engine.getRuntimeService().startProcessInstanceByKey("transfer-establishment",
                Map.of("caseReference", reference, "newEstablishment", "wetherby", "transferDate", "2027-01-04"));

        assertThat(engine.getTaskService().getIdentityLinksForTask(
                JourneyScenario.task(engine, journey, "Task_HoldInitialPlanningMeeting").getId()))
                .extracting(IdentityLink::getGroupId).containsExactlyInAnyOrder("custody-wetherby", "yot-lewisham");
        var authorizations = engine.getAuthorizationService();
        assertThat(authorizations.isUserAuthorized("custody.feltham", List.of("custody-feltham"), Permissions.READ,
                Resources.PROCESS_INSTANCE, journey.getId())).isFalse();
        assertThat(authorizations.isUserAuthorized("custody.wetherby", List.of("custody-wetherby"), Permissions.READ,
                Resources.PROCESS_INSTANCE, journey.getId())).isTrue();
    }

    @Test
    void aWithdrawnJourneyLeavesOnlyHistoryOnPostgresql() {
        String reference = unique("PG-WITHDRAWN");
        var journey = JourneyScenario.start(engine, JourneyScenario.lewishamCase(reference));
        TestPeople.person(engine, "pm.southlondon", "pm-south-london");
        engine.getIdentityService().setAuthenticatedUserId("pm.southlondon");
        try {
            engine.getRuntimeService().startProcessInstanceByKey("withdraw-journey",
                    Map.of("caseReference", reference, "withdrawalReason", "sentence-quashed", "withdrawalNotes", "-"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName("withdrawalReason").singleResult().getValue()).isEqualTo("sentence-quashed");
    }

    @Test
    void aJourneyMigratedToVersion2RunsToItsEndOnPostgresql() throws Exception {
        var journey = JourneyScenario.start(engine, JourneyScenario.lewishamCase(unique("PG-MIG")));
        String version1 = journey.getProcessDefinitionId();
        String changed = Files.readString(Path.of("bpmn/resettlement-journey.bpmn")).replace(
                "name=\"Record consent to share information\"", "name=\"Record consent (asked of the family too)\"");
        var version2 = engine.getRepositoryService().createDeployment().name("PostgreSQL migration test")
                .addString("bpmn/resettlement-journey.bpmn", changed).deploy();
        try {
            var outcomes = migration.migrateToLatest(JourneyProcess.KEY);
            assertThat(outcomes).filteredOn(o -> o.instanceId().equals(journey.getId()))
                    .singleElement().satisfies(o -> assertThat(o.migrated()).isTrue());
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.getId())
                    .singleResult().getProcessDefinitionId()).isNotEqualTo(version1);
            WholeJourney.walkOn(engine, journey);
        } finally {
            // The kept test database must start its next journeys on the models of bpmn/ again.
            engine.getRepositoryService().deleteDeployment(version2.getId(), true);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
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
