package uk.org.throughthegate.journey;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads a journey's ISO date variables and turns days into the instants the engine's timers need. */
public final class CaseDates {

    /** A task is due by the end of the working day. */
    static final LocalTime END_OF_WORKING_DAY = LocalTime.of(17, 0);

    private CaseDates() {
    }

    /** A date the journey keeps (always as ISO text, so that history and Cockpit show it plainly). */
    public static LocalDate get(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("the journey has no date '" + name + "'");
        }
        return date(value);
    }

    /** A date the journey or a request keeps as ISO text (or already a date). */
    public static LocalDate date(Object isoText) {
        if (isoText instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(isoText.toString());
    }

    /**
     * Whether a contact on this day is the journey's latest: later than the one it keeps, or the
     * first. A contact recorded late, for an earlier day, does not move the next one back.
     */
    public static boolean isLatestContact(LocalDate on, Object lastRecorded) {
        return lastRecorded == null || on.isAfter(date(lastRecorded));
    }

    static Date endOfWorkingDay(LocalDate day, ZoneId zone) {
        return Date.from(day.atTime(END_OF_WORKING_DAY).atZone(zone).toInstant());
    }

    static Date startOfDay(LocalDate day, ZoneId zone) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }
}
