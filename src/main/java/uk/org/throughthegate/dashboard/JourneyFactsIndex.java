package uk.org.throughthegate.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard reads a few facts of every journey in view from its history variables, by journey
 * and name: which pathways needed support, how far from home the child was placed and how often
 * moved. The engine's index finds a journey's variables by journey alone, so PostgreSQL read about
 * forty history rows per journey to keep one or two (27 ms of a consortium's page at 10,000
 * journeys for the pathways, as long again for the placement). This partial covering index holds
 * only those facts, so they come from the index alone once vacuum has marked the table's pages
 * (9 ms). The queries name the variables as literals, so that a generic plan can use it.
 * <p>
 * Its name carries a hash of the names it holds: a measure added in a later version gets a new
 * index at start-up, and the one it replaces is dropped. PostgreSQL only (partial, covering); a
 * DBA may create it beforehand with {@code CREATE INDEX CONCURRENTLY} (README, "Performance").
 */
@Component
@Order(1)
class JourneyFactsIndex implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyFactsIndex.class);

    static final List<String> NAMES = names(Measure.Family.NEEDS, Measure.Family.PLACEMENT);

    static final String INDEX = "ttg_idx_hi_journey_facts_" + Integer.toHexString(NAMES.hashCode());

    static final String CREATE = "create index if not exists " + INDEX + " on ACT_HI_VARINST(PROC_INST_ID_, NAME_)"
            + " include (EXECUTION_ID_, TEXT_, LONG_) where NAME_ in (" + sqlList(NAMES) + ")";

    private final JdbcTemplate sql;
    private final ProcessEngine engine;

    JourneyFactsIndex(JdbcTemplate sql, ProcessEngine engine) {
        this.sql = sql;
        this.engine = engine;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"postgres".equals(engine.getProcessEngineConfiguration().getDatabaseType())) {
            return;
        }
        for (String replaced : sql.queryForList("select indexname from pg_indexes where tablename = 'act_hi_varinst'"
                + " and indexname like 'ttg\\_idx\\_hi\\_journey\\_facts\\_%' and indexname <> ?", String.class, INDEX)) {
            LOG.info("Index {} holds other facts than the dashboard reads now; dropped for {}", replaced, INDEX);
            sql.execute("drop index if exists " + replaced);
        }
        if (sql.queryForObject("select count(*) from pg_indexes where tablename = 'act_hi_varinst' and indexname = ?",
                Long.class, INDEX) == 0) {
            LOG.info("Creating the dashboard's index of journey facts: {}", CREATE);
            sql.execute(CREATE);
        }
    }

    /** The variables the measures of these families read from the journey itself. */
    static List<String> names(Measure.Family... families) {
        List<Measure.Family> wanted = List.of(families);
        return Arrays.stream(Measure.values()).filter(m -> wanted.contains(m.family)).map(m -> m.source.get(0)).toList();
    }

    /** Names as SQL string literals: they are the measures' own constants, never input. */
    static String sqlList(List<String> names) {
        return names.stream().map(n -> "'" + n.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }
}
