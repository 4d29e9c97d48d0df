package uk.org.throughthegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's history indexes, without a database: what they hold, and a failed build. */
class JourneyHistoryIndexesTest {

    @Test
    void eachIndexHoldsTheNamesTheDashboardAsksAsLiterals() {
        assertThat(JourneyHistoryIndexes.FACTS.create()).startsWith("create index concurrently if not exists ttg_idx_hi_journey_facts_")
                .contains("where NAME_ in ('caseManagementPathway', ", "'placementDistance', 'establishmentTransfers')");
        assertThat(JourneyHistoryIndexes.STEPS.create()).contains("'SubProcess_Released'", "'Event_ReturnedToCustody'",
                "'SubProcess_AccommodationPathway'");
        assertThat(JourneyHistory.NEEDS).contains(JourneyHistoryIndexes.sqlList(JourneyHistoryIndexes.variables(Measure.Family.NEEDS)));
        assertThat(JourneyHistoryIndexes.sqlLiteral("it's")).isEqualTo("'it''s'");
    }

    /** Without an index the dashboard is slower, not wrong: the service starts all the same. */
    @Test
    void anIndexThatCannotBeBuiltNowDoesNotStopTheServiceStarting() {
        ProcessEngine engine = mock(ProcessEngine.class, RETURNS_DEEP_STUBS);
        when(engine.getProcessEngineConfiguration().getDatabaseType()).thenReturn("postgres");
        JdbcTemplate sql = mock(JdbcTemplate.class);
        doThrow(new CannotAcquireLockException("another node is building it")).when(sql).execute(anyString());

        assertThatCode(() -> new JourneyHistoryIndexes(sql, engine).run(null)).doesNotThrowAnyException();
        verify(sql).execute(JourneyHistoryIndexes.FACTS.create());
        verify(sql).execute(JourneyHistoryIndexes.STEPS.create());
    }
}
