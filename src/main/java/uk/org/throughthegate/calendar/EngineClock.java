package uk.org.throughthegate.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Today as the process engine sees it. The engine's clock is what its timers follow, and what
 * tests move; the engine offers it only through this internal class, so it is read here alone.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today(ZoneId zone) {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }
}
