package uk.org.throughthegate.dashboard;

import java.time.YearMonth;

/** How many cases of one place and month had one outcome of a measure. */
record Tally(Measure measure, String outcome, String consortium, String yot, String establishment, YearMonth month,
        long count) {
}
