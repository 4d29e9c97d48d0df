package uk.org.throughthegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    @Autowired
    JourneyHistoryIndexes indexes;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Which pathways needed support is read per journey in view from the facts index alone, and the
     * steps it counts (releases, returns, ends) from the steps index alone: vacuumed, as the service
     * has autovacuum keep history; whole-table and bitmap reads off, as a test database is small
     * enough to scan. An index left by an earlier version's measures gives way to the current one,
     * and one whose build was cut short is built again.
     */
    @Test
    void eachJourneysFactsAndStepsAreReadFromTheirIndexesAlone() throws Exception {
        sql.execute("create index if not exists ttg_idx_hi_journey_facts_0 on ACT_HI_VARINST(PROC_INST_ID_) where NAME_ = 'gone'");
        indexes.run(null);
        // as a concurrent build cut short leaves it: there, but ignored by the planner
        sql.update("update pg_index set indisvalid = false where indexrelid = cast(? as regclass)", JourneyHistoryIndexes.STEPS.name());
        indexes.run(null);
        assertThat(sql.queryForList("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname in (?, ?)",
                Boolean.class, JourneyHistoryIndexes.FACTS.name(), JourneyHistoryIndexes.STEPS.name())).as("built again")
                .containsExactly(true, true);
        assertThat(sql.queryForList("select indexname from pg_indexes", String.class).stream()
                .filter(i -> i.startsWith(JourneyHistoryIndexes.FACTS.prefix()) || i.startsWith(JourneyHistoryIndexes.STEPS.prefix())))
                .containsExactlyInAnyOrder(JourneyHistoryIndexes.FACTS.name(), JourneyHistoryIndexes.STEPS.name());

        sql.execute("vacuum analyze ACT_HI_VARINST");
        sql.execute("vacuum analyze ACT_HI_ACTINST");
        MapSqlParameterSource inView = history.inView(Scope.consortium("south-london"),
                Period.parse("2031-03", "2031-12", LocalDate.of(2031, 3, 19))).parameters();
        assertThat(genericPlan(JourneyHistory.NEEDS, inView)).contains("Index Only Scan using " + JourneyHistoryIndexes.FACTS.name());
        // The page's steps query, over so few journeys, reads the steps by their time instead: its
        // look-up of one journey's steps is asked alone.
        MapSqlParameterSource journey = new MapSqlParameterSource("journey", inView.getValue("jId") instanceof String[] ids ? ids[0] : null);
        assertThat(genericPlan("select a.ACT_ID_, a.START_TIME_ from ACT_HI_ACTINST a where a.PROC_INST_ID_ = :journey"
                + " and a.ACT_ID_ in (" + JourneyHistoryIndexes.sqlList(JourneyHistoryIndexes.events()) + ")", journey))
                .contains("Index Only Scan using " + JourneyHistoryIndexes.STEPS.name());
        assertThat(JourneyHistory.JOURNEY_EVENTS).as("the page asks for the same steps")
                .contains("a.ACT_ID_ in (" + JourneyHistoryIndexes.sqlList(JourneyHistoryIndexes.events()) + ")");
    }

    /**
     * The plan of one of the page's queries as the service's pages are planned (generically, for any
     * journeys): prepared by name, its parameters numbered in place of the names, run with the values found.
     */
    private String genericPlan(String query, MapSqlParameterSource inView) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(JourneyHistory.journeys(query));
        String positional = NamedParameterUtils.substituteNamedParameters(parsed, inView);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, inView, null);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : positional.toCharArray()) {
            numbered.append(c == '?' ? "$" + (++n) : String.valueOf(c));
        }
        // EXECUTE takes no bound values: the test's own values, written as literals.
        List<String> arguments = new ArrayList<>();
        for (Object value : values) {
            Object bound = value instanceof SqlParameterValue p ? p.getValue() : value;
            for (Object one : bound instanceof Collection<?> each ? each : Collections.singletonList(bound)) {
                arguments.add(literal(one));
            }
        }
        return new TransactionTemplate(transactions).execute(status -> {
            sql.execute("set local enable_seqscan = off");
            sql.execute("set local enable_bitmapscan = off");
            sql.execute("set local plan_cache_mode = force_generic_plan");
            // by its own name: a prepared statement outlives the transaction on the pooled connection
            String statement = "dashboard_query_" + System.nanoTime();
            sql.execute("prepare " + statement + " as " + numbered);
            List<String> lines = sql.queryForList("explain execute " + statement + "(" + String.join(", ", arguments) + ")",
                    String.class);
            sql.execute("deallocate " + statement);
            return String.join("\n", lines);
        });
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        } else if (value instanceof Timestamp at) {
            return "timestamp '" + at + "'";
        } else if (value instanceof String[] texts) {
            return "cast(array[" + String.join(", ", java.util.Arrays.stream(texts).map(PostgresDashboardTest::literal).toList())
                    + "]::varchar[] as varchar[])";
        }
        throw new IllegalArgumentException("no literal for " + value.getClass());
    }
}
