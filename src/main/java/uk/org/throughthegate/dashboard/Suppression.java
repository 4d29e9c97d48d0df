package uk.org.throughthegate.dashboard;

/**
 * Small-number suppression of a table with its totals, as statistical releases about children do:
 * every count below {@value #THRESHOLD} is withheld (primary), and then, wherever a row or a column
 * (its total included) would have exactly one withheld cell, the smallest other cell of that line is
 * withheld too (secondary), until no line has exactly one: a withheld cell can then never be had
 * back by subtracting the others from a total.
 * <p>
 * The table is {@code cells[row][column]}; the caller lays out its totals as the last row and, where
 * the columns add up to something, the last column.
 */
final class Suppression {

    static final int THRESHOLD = 5;

    private Suppression() {
    }

    /** Which cells to withhold. */
    static boolean[][] withheld(long[][] cells) {
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        boolean[][] withheld = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                withheld[r][c] = cells[r][c] < THRESHOLD;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                changed |= protect(cells, withheld, r, -1);
            }
            for (int c = 0; c < columns; c++) {
                changed |= protect(cells, withheld, -1, c);
            }
        }
        return withheld;
    }

    /** In one line (a row when {@code row >= 0}, else a column): one withheld cell gets a companion. */
    private static boolean protect(long[][] cells, boolean[][] withheld, int row, int column) {
        int length = row >= 0 ? cells[row].length : cells.length;
        if (length < 2) {
            return false;
        }
        int count = 0;
        int smallest = -1;
        for (int i = 0; i < length; i++) {
            int r = row >= 0 ? row : i;
            int c = row >= 0 ? i : column;
            if (withheld[r][c]) {
                count++;
            } else if (smallest < 0 || cells[r][c] < value(cells, row, column, smallest)) {
                smallest = i;
            }
        }
        if (count != 1 || smallest < 0) {
            return false;
        }
        withheld[row >= 0 ? row : smallest][row >= 0 ? smallest : column] = true;
        return true;
    }

    private static long value(long[][] cells, int row, int column, int i) {
        return row >= 0 ? cells[row][i] : cells[i][column];
    }
}
