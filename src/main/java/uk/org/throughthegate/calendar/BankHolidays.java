package uk.org.throughthegate.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bank holidays of England and Wales: the standing rules of the Banking and Financial Dealings
 * Act 1971 (with substitute days when a holiday falls at a weekend) plus the days moved or added by
 * royal proclamation since 2020. A year not yet proclaimed follows the standing rules, which is
 * what gov.uk publishes until a proclamation says otherwise.
 */
public final class BankHolidays {

    /** Days moved by proclamation: the standing day is replaced by the one given. */
    private static final Map<LocalDate, LocalDate> MOVED = Map.of(
            LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8),    // VE Day 75
            LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2));  // Platinum Jubilee

    /** Days added by proclamation. */
    private static final Set<LocalDate> ADDED = Set.of(
            LocalDate.of(2022, 6, 3),   // Platinum Jubilee
            LocalDate.of(2022, 9, 19),  // State funeral of Queen Elizabeth II
            LocalDate.of(2023, 5, 8));  // Coronation of King Charles III

    private BankHolidays() {
    }

    public static boolean isBankHoliday(LocalDate date) {
        return inYear(date.getYear()).contains(date);
    }

    public static Set<LocalDate> inYear(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = weekdayOnOrAfter(LocalDate.of(year, 12, 25));
        days.add(christmas);
        days.add(weekdayOnOrAfter(christmas.plusDays(1)));
        MOVED.forEach((standing, moved) -> {
            if (days.remove(standing)) {
                days.add(moved);
            }
        });
        ADDED.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return days;
    }

    private static LocalDate weekdayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Western Easter, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
