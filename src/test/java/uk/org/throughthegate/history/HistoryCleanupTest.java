package uk.org.throughthegate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/**
 * A YOT keeps a closed case seven years (historyTimeToLive 2555 days); the nightly history
 * cleanup then removes every row of it, its access rules included, and nothing younger.
 */
@SpringBootTest
@ActiveProfiles("test")
public class HistoryCleanupTest {

    static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
            "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_COMMENT",
            "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_GE_BYTEARRAY", "ACT_RU_AUTHORIZATION");

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate sql;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aJourneyClosedMoreThanSevenYearsAgoIsRemovedWithEveryRowAndAYoungerOneStays() {
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(); // unique in a kept database
        ProcessInstance old = closedOn("LEW-OLD-" + run, "2027-01-04T10:00");
        ProcessInstance young = closedOn("LEW-YOUNG-" + run, "2027-03-01T10:00");
        Map<String, Long> oldRows = rows(old);
        Map<String, Long> youngRows = rows(young);
        assertThat(oldRows.get("ACT_HI_ACTINST")).as("the closed case's history is there").isPositive();
        assertThat(oldRows.get("ACT_HI_TASKINST")).isPositive();
        assertThat(oldRows.get("ACT_RU_AUTHORIZATION")).as("its five teams may read its history").isEqualTo(5);

        ClockUtil.setCurrentTime(at("2034-01-05T02:00")); // 2555 days after the first closed, not the second
        runHistoryCleanup();

        assertThat(rows(old).values()).as("every row of the old case, in every table: %s", rows(old)).allMatch(n -> n == 0);
        assertThat(rows(young)).as("the younger case is untouched").isEqualTo(youngRows);
    }

    @Test
    void theCleanupIsScheduledForTheNextNightsWindowAt0100() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-01-04T10:00").atZone(ZoneId.systemDefault()).toInstant()));

        engine.getHistoryService().cleanUpHistoryAsync();

        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> assertThat(
                LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault()))
                .isEqualTo(LocalDateTime.parse("2027-01-05T01:00")));
    }

    ProcessInstance closedOn(String reference, String when) {
        ClockUtil.setCurrentTime(at(when));
        ProcessInstance journey = start(engine, lewishamCase(reference));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        TestPeople.person(engine, "pm.southlondon", "pm-south-london");
        engine.getIdentityService().setAuthentication("pm.southlondon", List.of("pm-south-london"));
        engine.getRuntimeService().startProcessInstanceByKey("withdraw-journey",
                Map.of("caseReference", reference, "withdrawalReason", "sentence-quashed", "withdrawalNotes", "-"));
        engine.getIdentityService().clearAuthentication();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(journey.getId())
                .finished().count()).isEqualTo(1);
        return journey;
    }

    void runHistoryCleanup() {
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        for (int i = 0; i < 5 && cleanup != null; i++) {
            engine.getManagementService().executeJob(cleanup.getId());
            cleanup = engine.getManagementService().createJobQuery().jobId(cleanup.getId()).singleResult();
            if (cleanup != null && cleanup.getDuedate().after(ClockUtil.getCurrentTime())) {
                break; // nothing more to remove now: it waits for the next night
            }
        }
    }

    Map<String, Long> rows(ProcessInstance journey) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, sql.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?", Long.class,
                    journey.getId()));
        }
        return rows;
    }

    static Date at(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant());
    }
}
