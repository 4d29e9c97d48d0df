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
    JourneyFactsIndex factsIndex;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Which pathways needed support is read per journey in view from the facts index alone (vacuumed,
     * as autovacuum keeps history; whole-table and bitmap reads off, as a test database is small
     * enough to scan), and an index left by an earlier version's measures gives way to it.
     */
    @Test
    void eachJourneysNeedsAreReadFromTheFactsIndexAlone() throws Exception {
        sql.execute("create index if not exists ttg_idx_hi_journey_facts_0 on ACT_HI_VARINST(PROC_INST_ID_) where NAME_ = 'gone'");
        factsIndex.run(null);
        assertThat(sql.queryForList("select indexname from pg_indexes where indexname like 'ttg\\_idx\\_hi\\_journey\\_facts%'",
                String.class)).containsExactly(JourneyFactsIndex.INDEX);

        sql.execute("vacuum analyze ACT_HI_VARINST");
        MapSqlParameterSource inView = history.inView(Scope.consortium("south-london"),
                Period.parse("2031-03", "2031-12", LocalDate.of(2031, 3, 19))).parameters();
        // Planned as the service's pages are (a generic plan, for any journeys): prepared by name,
        // its parameters written in place of the names, run with the values found.
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(JourneyHistory.journeys(JourneyHistory.NEEDS));
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
        String plan = new TransactionTemplate(transactions).execute(status -> {
            sql.execute("set local enable_seqscan = off");
            sql.execute("set local enable_bitmapscan = off");
            sql.execute("set local plan_cache_mode = force_generic_plan");
            // by its own name: a prepared statement outlives the transaction on the pooled connection
            String statement = "journey_needs_" + System.nanoTime();
            sql.execute("prepare " + statement + " as " + numbered);
            List<String> lines = sql.queryForList("explain execute " + statement + "(" + String.join(", ", arguments) + ")",
                    String.class);
            sql.execute("deallocate " + statement);
            return String.join("\n", lines);
        });
        assertThat(plan).contains("Index Only Scan using " + JourneyFactsIndex.INDEX);
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
