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

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
