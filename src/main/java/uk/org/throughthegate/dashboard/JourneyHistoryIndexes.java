package uk.org.throughthegate.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard reads a few rows of history for every journey in view, by journey and name: the
 * facts of its variables (which pathways needed support, how far from home the child was placed
 * and how often moved) and the steps it counts (release, return to custody, the end, the pathways
 * in place at release). The engine's indexes find a journey's rows by journey alone, so PostgreSQL
 * read about forty variables per journey to keep one or two (27 ms of a consortium's page at
 * 10,000 journeys for the needs, as long again for the placement; 9 ms from the facts index), and
 * every step of the journey to keep its release. These partial covering indexes hold only those
 * rows, and answer from the index alone once vacuum has marked the table's pages. The queries name
 * the variables and steps as literals, so that the page's generic plan can use them.
 * <p>
 * Each index's name carries a hash of the names it holds: a measure added in a later version gets a
 * new index at start-up, and the one it replaces is dropped. Built concurrently, so that history is
 * written meanwhile; one left unfinished is built again. PostgreSQL only (partial, covering); the
 * statement is logged when an index is created, and a DBA may run it beforehand (README, "Performance").
 */
@Component
@Order(1)
class JourneyHistoryIndexes implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyHistoryIndexes.class);

    static final PartialIndex FACTS = new PartialIndex("ttg_idx_hi_journey_facts_", "ACT_HI_VARINST", "PROC_INST_ID_, NAME_",
            "EXECUTION_ID_, TEXT_, LONG_", "NAME_", variables(Measure.Family.NEEDS, Measure.Family.PLACEMENT));

    static final PartialIndex STEPS = new PartialIndex("ttg_idx_hi_journey_steps_", "ACT_HI_ACTINST", "PROC_INST_ID_, ACT_ID_",
            "START_TIME_, END_TIME_, ACT_INST_STATE_", "ACT_ID_", Stream.concat(events().stream(), releaseSteps().stream()).toList());

    private final JdbcTemplate sql;
    private final ProcessEngine engine;

    JourneyHistoryIndexes(JdbcTemplate sql, ProcessEngine engine) {
        this.sql = sql;
        this.engine = engine;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"postgres".equals(engine.getProcessEngineConfiguration().getDatabaseType())) {
            return;
        }
        for (PartialIndex index : List.of(FACTS, STEPS)) {
            try {
                ensure(index);
            } catch (DataAccessException e) {
                // the dashboard is slower without it, not wrong: no reason to keep the service from starting
                LOG.warn("Index {} could not be made now ({}); the dashboard reads the table instead until a later start-up makes it",
                        index.name(), e.getMostSpecificCause().getMessage());
            }
        }
    }

    /**
     * Another node starting at the same time may be building the same index (unfinished, too, while
     * it builds): then one of the two fails, is logged above, and the other's index serves both.
     */
    private void ensure(PartialIndex index) {
        for (String replaced : sql.queryForList("select indexname from pg_indexes where tablename = ? and indexname like ?"
                + " and indexname <> ?", String.class, index.table().toLowerCase(), index.prefix().replace("_", "\\_") + "%",
                index.name())) {
            LOG.info("Index {} holds other rows than the dashboard reads now; dropped for {}", replaced, index.name());
            sql.execute("drop index if exists " + replaced);
        }
        Boolean valid = sql.queryForList("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relname = ?", Boolean.class, index.name()).stream().findFirst().orElse(null);
        if (Boolean.FALSE.equals(valid)) {
            // a build cut short (the service stopped during it) leaves an index the planner ignores
            LOG.warn("Index {} was left unfinished; dropped to be built again", index.name());
            sql.execute("drop index if exists " + index.name());
        }
        if (!Boolean.TRUE.equals(valid)) {
            LOG.info("Creating an index of the dashboard: {}", index.create());
            sql.execute(index.create());
        }
    }

    /** The variables the measures of these families read from the journey itself. */
    static List<String> variables(Measure.Family... families) {
        List<Measure.Family> wanted = List.of(families);
        return Arrays.stream(Measure.values()).filter(m -> wanted.contains(m.family)).map(m -> m.source.get(0)).toList();
    }

    /** The journey's steps counted in the month they happened (its entry is the journey's start). */
    static List<String> events() {
        return Arrays.stream(Measure.values()).filter(m -> m.family == Measure.Family.JOURNEYS && m != Measure.ENTERED)
                .map(m -> m.source.get(1)).toList();
    }

    /** The pathways whose work is looked at on the day of release. */
    static List<String> releaseSteps() {
        return Arrays.stream(Measure.values()).filter(m -> m.family == Measure.Family.AT_RELEASE).map(m -> m.source.get(1)).toList();
    }

    /** Names as SQL string literals: they are the measures' own constants, never input. */
    static String sqlList(List<String> names) {
        return names.stream().map(JourneyHistoryIndexes::sqlLiteral).collect(Collectors.joining(", "));
    }

    static String sqlLiteral(String name) {
        return "'" + name.replace("'", "''") + "'";
    }

    /** An index of the rows of {@code table} whose {@code column} is one of {@code values}, by journey. */
    record PartialIndex(String prefix, String table, String key, String include, String column, List<String> values) {

        String name() {
            return prefix + Integer.toHexString(values.hashCode());
        }

        /**
         * Built without holding up the steps that write history meanwhile: a plain build would keep
         * every workflow step waiting for as long as it reads seven years of a national service's
         * history. Not in a transaction, as PostgreSQL requires.
         */
        String create() {
            return "create index concurrently if not exists " + name() + " on " + table + "(" + key + ") include (" + include
                    + ") where " + column + " in (" + sqlList(values) + ")";
        }
    }
}
