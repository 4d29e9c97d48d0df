package uk.org.throughthegate.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Counts working days: Monday to Friday, bank holidays of England and Wales excluded. */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !BankHolidays.isBankHoliday(date);
    }

    /** The working day that is {@code days} working days after {@code from} (from itself not counted). */
    public static LocalDate after(LocalDate from, int days) {
        return step(from, days, 1);
    }

    /** The working day that is {@code days} working days before {@code from} (from itself not counted). */
    public static LocalDate before(LocalDate from, int days) {
        return step(from, days, -1);
    }

    private static LocalDate step(LocalDate from, int days, int direction) {
        if (days < 0) {
            throw new IllegalArgumentException("a number of working days cannot be negative: " + days);
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(direction);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
