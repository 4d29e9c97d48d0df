package uk.org.throughthegate.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Whole months, first to last inclusive: the evaluation counts months, never days. */
public record Period(YearMonth first, YearMonth last) {

    /** Boards look back a year, or three at most in one view. */
    static final int MOST_MONTHS = 36;

    public Period {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the period ends (" + last + ") before it starts (" + first + ")");
        }
        if (months(first, last) > MOST_MONTHS) {
            throw new IllegalArgumentException("a period is at most " + MOST_MONTHS + " months; "
                    + first + " to " + last + " is " + months(first, last));
        }
    }

    /** The twelve months up to and including the current one. */
    static Period lastTwelveMonths(LocalDate today) {
        YearMonth now = YearMonth.from(today);
        return new Period(now.minusMonths(11), now);
    }

    /** From {@code yyyy-MM} request parameters; either missing: the last twelve months. */
    static Period parse(String from, String to, LocalDate today) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return lastTwelveMonths(today);
        }
        YearMonth last = to == null || to.isBlank() ? YearMonth.from(today) : month("to", to);
        YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : month("from", from);
        return new Period(first, last);
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a month such as 2026-04, not '" + value + "'");
        }
    }

    private static int months(YearMonth first, YearMonth last) {
        return (int) (first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    public LocalDate start() {
        return first.atDay(1);
    }

    /** The first day after the period. */
    public LocalDate end() {
        return last.plusMonths(1).atDay(1);
    }

    /** How finely the figures are split: by month, or (for a period of whole quarters) by quarter. */
    public enum Grain {
        MONTH, QUARTER;

        static Grain parse(String by) {
            if (by == null || by.isBlank() || by.equals("month")) {
                return MONTH;
            }
            if (by.equals("quarter")) {
                return QUARTER;
            }
            throw new IllegalArgumentException("'by' must be month or quarter, not '" + by + "'");
        }
    }

    /** Months counted together, named as the return names them ({@code 2026-04}, {@code 2026-Q2}). */
    public record Bucket(String label, String name, List<YearMonth> months) {
    }

    /** The period split by month, or by quarter (the period must then start and end with one). */
    public List<Bucket> buckets(Grain grain) {
        List<Bucket> buckets = new ArrayList<>();
        if (grain == Grain.MONTH) {
            for (YearMonth m : months()) {
                buckets.add(new Bucket(m.toString(), m.format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy",
                        java.util.Locale.UK)), List.of(m)));
            }
            return buckets;
        }
        if ((first.getMonthValue() - 1) % 3 != 0 || last.getMonthValue() % 3 != 0) {
            throw new IllegalArgumentException("by quarter, the period runs from the first month of a quarter (January, "
                    + "April, July or October) to the last month of one; " + first + " to " + last + " does not");
        }
        for (YearMonth q = first; !q.isAfter(last); q = q.plusMonths(3)) {
            int quarter = (q.getMonthValue() - 1) / 3 + 1;
            buckets.add(new Bucket(q.getYear() + "-Q" + quarter, "Q" + quarter + " " + q.getYear(),
                    List.of(q, q.plusMonths(1), q.plusMonths(2))));
        }
        return buckets;
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
