package uk.org.throughthegate.access;

import org.springframework.jdbc.core.JdbcTemplate;

/** How often H2 ran the statements of a kind while some calls ran (its query statistics). */
public final class QueryStatistics {

    private QueryStatistics() {
    }

    /** @param like a pattern for the lower-cased SQL of the statements counted */
    public static long executions(JdbcTemplate sql, String like, Runnable calls) {
        sql.execute("SET QUERY_STATISTICS FALSE");
        sql.execute("SET QUERY_STATISTICS TRUE");
        try {
            calls.run();
            return sql.queryForObject("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                    + "WHERE LOWER(SQL_STATEMENT) LIKE ?", Long.class, like);
        } finally {
            sql.execute("SET QUERY_STATISTICS FALSE");
        }
    }
}
