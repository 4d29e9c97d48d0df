package uk.org.throughthegate.database;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the engine's tables need, beyond the engine's own schema, to serve this service at a
 * national caseload; applied at start-up, each step idempotent. A DBA may apply the same
 * beforehand (README, "Performance"), on a large database with {@code CREATE INDEX CONCURRENTLY}.
 */
@Component
@Order(0)
class EngineTableTuning implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EngineTableTuning.class);

    /** Job acquisition takes due jobs soonest first (jobExecutorAcquireByDueDate): a range scan. */
    static final String JOB_DUE_DATE_INDEX = "create index if not exists TTG_IDX_JOB_DUEDATE on ACT_RU_JOB(DUEDATE_)";

    /**
     * A team's list, soonest due first, is walked through the tasks in due-date order, each checked
     * for a candidate link of the team in one index look-up, until the page is full
     * (access/GrantsFirstQueries asks it that way): no sort of all the team's tasks.
     */
    static final List<String> TASK_LIST_INDEXES = List.of(
            "create index if not exists TTG_IDX_TASK_DUEDATE on ACT_RU_TASK(DUE_DATE_)",
            "create index if not exists TTG_IDX_IDENT_LNK_CANDIDATE on ACT_RU_IDENTITYLINK(TASK_ID_, GROUP_ID_, TYPE_)");

    /**
     * A team's grants, read whole by its task count and by each page of its list (the hashed set of
     * granted tasks), come from this index alone once vacuum has marked the table's pages: one grant
     * was one heap page (3,470 pages for a team at 100,000 journeys). PostgreSQL only (covering);
     * through the service at 100,000 journeys, vacuumed, the team's list p50 about 13 to 9 ms and its
     * task count about 28 to 24 ms (README, "Performance").
     */
    static final String TEAM_GRANTS_INDEX = "create index if not exists TTG_IDX_AUTH_GROUP_GRANTS on "
            + "ACT_RU_AUTHORIZATION(GROUP_ID_, TYPE_, RESOURCE_TYPE_, RESOURCE_ID_) include (PERMS_)";

    /**
     * A team's candidate links, read whole by its count (a team's count intersects them with the
     * user's grants: access/TeamTaskCounts), from this index alone once vacuum has marked the
     * table's pages: the engine's index on the group alone sent the count to 1,774 heap pages for a
     * team at 100,000 journeys. PostgreSQL only, as the grants' index.
     */
    static final String TEAM_LINKS_INDEX = "create index if not exists TTG_IDX_IDENT_LNK_GROUP_TASK on "
            + "ACT_RU_IDENTITYLINK(GROUP_ID_, TYPE_, TASK_ID_)";

    /**
     * Every task the engine completes or deletes, it first asks for the task's subtasks, by a column
     * the engine's schema does not index: a scan of every open task (23 ms a task at 10,000
     * journeys, for the bare engine's tasks too, growing with the caseload; 0.15 ms with the index). This service makes no subtasks, so the
     * index stays empty and the answer is one look-up.
     */
    static final String SUBTASK_INDEX = "create index if not exists TTG_IDX_TASK_PARENT on ACT_RU_TASK(PARENT_TASK_ID_)";

    /**
     * The timeliness dashboard (dashboard/JourneyHistory) finds a consortium's journeys and each
     * journey's home YOT and establishment in history: from the consortium to its journeys in one
     * index, from a journey to its place without reading the table (index-only, once vacuum has
     * marked the pages), and statistics that know how many journeys a consortium has (without
     * them the planner guessed a few hundred of 22,000 and looped). PostgreSQL only (partial and
     * covering indexes); at 101,000 journeys in history they took a year of a consortium's
     * deadline figures from 810 to 330 ms.
     */
    static final List<String> JOURNEY_PLACE_INDEXES = List.of(
            "create index if not exists TTG_IDX_HI_JOURNEY_PLACE on ACT_HI_VARINST(PROC_INST_ID_, NAME_) include (TEXT_) "
                    + "where NAME_ in ('consortium', 'homeYot', 'establishment')",
            "create index if not exists TTG_IDX_HI_CONSORTIUM on ACT_HI_VARINST(TEXT_, PROC_INST_ID_) where NAME_ = 'consortium'",
            "create statistics if not exists TTG_STAT_HI_VAR_NAME_TEXT (mcv) on NAME_, TEXT_ from ACT_HI_VARINST");

    /** Jobs made before ensureJobDueDateNotNull was set would never be acquired: they are due now. */
    static final String JOBS_WITHOUT_DUE_DATE = "update ACT_RU_JOB set DUEDATE_ = CURRENT_TIMESTAMP where DUEDATE_ is null";

    /**
     * The runtime tables change all day; PostgreSQL's default (analyse after 10 % of a table has
     * changed) leaves the planner with counts from hours ago, and it then joins tasks and grants
     * with nested loops over millions of rows. These tables are analysed after 1 % changes.
     */
    static final List<String> BUSY_TABLES = List.of("ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_EXECUTION",
            "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_AUTHORIZATION", "ACT_RU_EVENT_SUBSCR");

    private final JdbcTemplate sql;
    private final ProcessEngine engine;

    EngineTableTuning(JdbcTemplate sql, ProcessEngine engine) {
        this.sql = sql;
        this.engine = engine;
    }

    /**
     * The dashboard reads its journeys' history variables and steps from indexes alone (see
     * JOURNEY_PLACE_INDEXES and dashboard/JourneyHistoryIndexes) only on pages vacuum has marked
     * visible. These tables only grow, and PostgreSQL vacuums after inserts only once a fifth has been
     * added since the last time: at a national caseload, months of the newest history, which is the
     * history a board's year reads. Vacuumed after 2 % instead; for pages of inserts only, it sets
     * their visibility and moves on.
     */
    static final List<String> GROWING_HISTORY_TABLES = List.of("ACT_HI_VARINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
            "ACT_HI_PROCINST");

    @Override
    public void run(ApplicationArguments args) {
        sql.execute(JOB_DUE_DATE_INDEX);
        TASK_LIST_INDEXES.forEach(sql::execute);
        sql.execute(SUBTASK_INDEX);
        int updated = sql.update(JOBS_WITHOUT_DUE_DATE);
        if (updated > 0) {
            LOG.info("{} jobs without a due date made due now", updated);
        }
        if ("postgres".equals(engine.getProcessEngineConfiguration().getDatabaseType())) {
            JOURNEY_PLACE_INDEXES.forEach(sql::execute);
            sql.execute(TEAM_GRANTS_INDEX);
            sql.execute(TEAM_LINKS_INDEX);
            for (String table : GROWING_HISTORY_TABLES) {
                sql.execute("alter table " + table + " set (autovacuum_vacuum_insert_scale_factor = 0.02)");
            }
            for (String table : BUSY_TABLES) {
                sql.execute("alter table " + table
                        + " set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01)");
            }
        }
    }
}
