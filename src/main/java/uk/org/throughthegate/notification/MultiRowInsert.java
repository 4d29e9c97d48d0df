package uk.org.throughthegate.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows into one of our tables, up to {@value #ROWS_PER_STATEMENT} in one statement (plain SQL that
 * H2 and PostgreSQL both accept): the mails of a task to each member of its teams, and the mails a
 * job sent, are written together rather than a statement each.
 */
final class MultiRowInsert {

    static final int ROWS_PER_STATEMENT = 100;

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;

    MultiRowInsert(JdbcTemplate jdbc, String table, String... columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = List.of(columns);
    }

    void insert(List<Object[]> rows) {
        String placeholders = "(" + Placeholders.of(columns.size()) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> args = new ArrayList<>();
            for (Object[] row : chunk) {
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException(table + " takes " + columns + ", not " + row.length + " values");
                }
                Collections.addAll(args, row);
            }
            jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), placeholders)), args.toArray());
        }
    }
}
