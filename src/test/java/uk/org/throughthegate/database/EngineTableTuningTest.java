package uk.org.throughthegate.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.contexts.TestPostgres;

/** On PostgreSQL the service's index and statistics settings are in place after start-up. */
@Tag("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
@ActiveProfiles("test")
class EngineTableTuningTest {

    @Autowired
    JdbcTemplate sql;

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }

    @Test
    void jobsAreAcquiredByAnIndexOnTheirDueDateTheBusyTablesAnalysedAndTheGrowingHistoryVacuumedOften() {
        assertThat(sql.queryForObject("select count(*) from pg_indexes where tablename = 'act_ru_job' "
                + "and indexname = 'ttg_idx_job_duedate'", Long.class)).isEqualTo(1);
        for (String table : EngineTableTuning.BUSY_TABLES) {
            assertThat(sql.queryForObject("select array_to_string(reloptions, ',') from pg_class where relname = ?",
                    String.class, table.toLowerCase())).as(table)
                    .contains("autovacuum_analyze_scale_factor=0.01", "autovacuum_vacuum_scale_factor=0.02");
        }
        for (String table : EngineTableTuning.GROWING_HISTORY_TABLES) {
            assertThat(sql.queryForObject("select array_to_string(reloptions, ',') from pg_class where relname = ?",
                    String.class, table.toLowerCase())).as(table).contains("autovacuum_vacuum_insert_scale_factor=0.02");
        }
        assertThat(sql.queryForObject("select count(*) from act_ru_job where duedate_ is null", Long.class)).isZero();
    }

    @Test
    void completingATaskFindsItsSubtasksByIndexNotByReadingEveryTask() {
        // a test database is small enough to scan; what matters is that the plan need not
        String plan = sql.execute((ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (var rows = statement.executeQuery("explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'some-task'")) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                statement.execute("reset enable_seqscan");
                return lines.toString();
            }
        });
        assertThat(plan).contains("ttg_idx_task_parent");
    }

    @Test
    void aTeamsGrantsAreReadFromAnIndexAloneWithoutVisitingEachGrantsRow() {
        // The grants part of a team's task count and list, as access/GrantsFirstQueries asks it;
        // vacuumed, as autovacuum keeps it.
        sql.execute("vacuum analyze ACT_RU_AUTHORIZATION");
        assertThat(planByIndex("select A.RESOURCE_ID_ from ACT_RU_AUTHORIZATION A"
                + " where A.TYPE_ in (0, 1) and A.GROUP_ID_ in ('yot-lewisham')"
                + " and ((A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2) or (A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64))"))
                .contains("Index Only Scan using ttg_idx_auth_group_grants");
    }

    @Test
    void aTeamsLinksAreReadFromAnIndexAloneWithoutVisitingEachLinksRow() {
        // The links part of a team's count, as access/GrantsFirstQueries asks it, vacuumed as above.
        sql.execute("vacuum analyze ACT_RU_IDENTITYLINK");
        assertThat(planByIndex("select L.TASK_ID_ from ACT_RU_IDENTITYLINK L"
                + " where L.TYPE_ = 'candidate' and L.TASK_ID_ is not null and L.GROUP_ID_ in ('yot-lewisham')"))
                .contains("Index Only Scan using ttg_idx_ident_lnk_group_task");
    }

    /**
     * The plan of a query with whole-table and bitmap reads disabled: a test database is small
     * enough to scan, so only an index read shows which index would answer at a national caseload.
     */
    private String planByIndex(String query) {
        return sql.execute((ConnectionCallback<String>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                statement.execute("set enable_bitmapscan = off");
                StringBuilder lines = new StringBuilder();
                try (var rows = statement.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                statement.execute("reset enable_seqscan");
                statement.execute("reset enable_bitmapscan");
                return lines.toString();
            }
        });
    }
}
