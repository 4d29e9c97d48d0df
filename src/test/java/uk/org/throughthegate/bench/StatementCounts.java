package uk.org.throughthegate.bench;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many statements PostgreSQL ran in the benchmark's database between a reset and a count, from
 * {@code pg_stat_statements} when the server loads it ({@code shared_preload_libraries}); the
 * benchmark runs without it too.
 */
final class StatementCounts {

    private static final String THIS_DATABASE = "(select oid from pg_database where datname = current_database())";

    private final JdbcTemplate sql;
    private final boolean available;

    StatementCounts(JdbcTemplate sql) {
        this.sql = sql;
        this.available = available(sql);
    }

    private static boolean available(JdbcTemplate sql) {
        try {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.queryForObject("select count(*) from pg_stat_statements", Long.class);
            return true;
        } catch (DataAccessException e) {
            return false; // the server does not load it: nothing to count with
        }
    }

    boolean available() {
        return available;
    }

    void reset() {
        if (available) {
            sql.queryForList("select pg_stat_statements_reset(0, " + THIS_DATABASE + ", 0)");
        }
    }

    /** Marks a statement of the benchmark's own (a poll while it waits), which the count leaves out. */
    static final String OWN = "/* benchmark's own */";

    /** Statements run since the reset, this class's own and those marked {@link #OWN} left out. */
    long count() {
        return !available ? 0 : sql.queryForObject("select coalesce(sum(calls), 0) from pg_stat_statements where dbid = "
                + THIS_DATABASE + " and query not like '%pg_stat_statements%' and query not like '%" + OWN.replace("'", "''")
                + "%'", Long.class);
    }
}
