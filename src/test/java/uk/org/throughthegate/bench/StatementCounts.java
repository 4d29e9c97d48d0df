package uk.org.throughthegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

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

    /** The statements counted: this database's, but for this class's own and those marked {@link #OWN}. */
    private static final String COUNTED = "dbid = " + THIS_DATABASE + " and query not like '%pg_stat_statements%'"
            + " and query not like '%" + OWN.replace("'", "''") + "%'";

    /**
     * The statements run most often since the reset (calls, then the text as PostgreSQL normalised
     * it), the same left out as by {@link #count()}: where a step's statements go, for whoever
     * tries to cut them. Written beside the benchmark's table.
     */
    void writeBusiest(Path file, String heading, int perStep) {
        if (!available) {
            return;
        }
        StringBuilder out = new StringBuilder("# " + heading + "\n\ncalls per step | calls | statement\n--- | --- | ---\n");
        sql.query("select calls, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements where " + COUNTED
                + " order by calls desc limit 40", (RowCallbackHandler) row -> out.append(String.format("%.2f | %d | %s%n",
                        row.getLong(1) / (double) perStep, row.getLong(1),
                        abbreviated(row.getString(2)).replace("|", "\\|"))));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviated(String statement) {
        return statement.length() <= 300 ? statement : statement.substring(0, 300) + " ...";
    }

    /** Statements run since the reset, this class's own and those marked {@link #OWN} left out. */
    long count() {
        return !available ? 0 : sql.queryForObject("select coalesce(sum(calls), 0) from pg_stat_statements where " + COUNTED,
                Long.class);
    }

    /** The service's statements per step against the bare engine's, as the benchmark's table shows them. */
    String versus(double service, double bare) {
        return !available ? "(pg_stat_statements is not loaded by the server)" : String.format("%.1f vs %.1f", service, bare);
    }
}
