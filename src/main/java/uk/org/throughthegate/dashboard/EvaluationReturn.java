package uk.org.throughthegate.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The anonymous evaluation return of one consortium for a period: every measure by month, with a
 * total for the period, as counts only (no case reference, name, date of birth or date: months
 * only), small counts withheld as {@code <5} with secondary suppression ({@link Suppression}).
 * Each measure is its own table (months by outcomes, totals both ways) and is suppressed as one.
 */
final class EvaluationReturn {

    static final String WITHHELD = "<" + Suppression.THRESHOLD;
    static final String ALL_MONTHS = "total";
    static final String TOTAL = "total";

    /** One cell of the return, as a line of the CSV. */
    record Row(String consortium, String month, String measure, String outcome, String value) {
    }

    private EvaluationReturn() {
    }

    static List<Row> of(String consortium, Timeliness figures) {
        return of(consortium, figures, Period.Grain.MONTH);
    }

    /** By month or by quarter: a quarter's counts are larger, so fewer are withheld. */
    static List<Row> of(String consortium, Timeliness figures, Period.Grain grain) {
        List<Row> rows = new ArrayList<>();
        List<Period.Bucket> months = figures.period().buckets(grain);
        for (Measure measure : Measure.values()) {
            List<String> columns = new ArrayList<>(measure.outcomes());
            boolean total = measure.partitioned() && columns.size() > 1;
            if (total) {
                columns.add(TOTAL);
            }
            long[][] cells = new long[months.size() + 1][columns.size()];
            for (int r = 0; r <= months.size(); r++) {
                Figure f = figures.of(measure, consortium, r < months.size() ? months.get(r).months() : null);
                for (int c = 0; c < columns.size(); c++) {
                    cells[r][c] = total && c == columns.size() - 1 ? f.total() : f.count(columns.get(c));
                }
            }
            boolean[][] withheld = Suppression.withheld(cells);
            for (int r = 0; r <= months.size(); r++) {
                String month = r < months.size() ? months.get(r).label() : ALL_MONTHS;
                for (int c = 0; c < columns.size(); c++) {
                    rows.add(new Row(consortium, month, measure.id(), columns.get(c),
                            withheld[r][c] ? WITHHELD : Long.toString(cells[r][c])));
                }
            }
        }
        rows.addAll(derived(consortium, figures));
        return rows;
    }

    /**
     * Figures of the whole period that are not counts: shown only where the counts beneath them
     * are not small (a rate over a withheld count would give the count back).
     */
    private static List<Row> derived(String consortium, Timeliness figures) {
        List<Row> rows = new ArrayList<>();
        long decisions = figures.rotlDecisions(p -> consortium.equals(p.consortium()));
        Double median = figures.medianWorkingDaysToRotlDecision(p -> consortium.equals(p.consortium()));
        rows.add(new Row(consortium, ALL_MONTHS, "rotl-working-days-to-decision", "median",
                decisions < Suppression.THRESHOLD || median == null ? WITHHELD : format(median)));
        long breaches = figures.of(Measure.NON_COMPLIANCE, consortium, null).count("breach");
        Double per100 = figures.breachesPer100(p -> consortium.equals(p.consortium()), breaches);
        rows.add(new Row(consortium, ALL_MONTHS, "breaches-per-100-on-licence", "rate",
                breaches < Suppression.THRESHOLD || per100 == null ? WITHHELD : format(per100)));
        return rows;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
