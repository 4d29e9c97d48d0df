package uk.org.throughthegate.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One measure's counts by outcome, for some place and time, and its rate. */
public record Figure(Measure measure, Map<String, Long> byOutcome) {

    static Figure empty(Measure measure) {
        Map<String, Long> counts = new LinkedHashMap<>();
        measure.outcomes().forEach(o -> counts.put(o, 0L));
        return new Figure(measure, counts);
    }

    public long count(String outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    public long total() {
        return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    public long met() {
        return sum(measure.met());
    }

    public long rated() {
        return sum(measure.rated());
    }

    /** Whole percent met among the rated outcomes; null where nothing counts yet or the measure is a count. */
    public Integer percent() {
        long rated = rated();
        return !measure.hasRate() || rated == 0 ? null : (int) Math.round(100.0 * met() / rated);
    }

    private long sum(List<String> outcomes) {
        return outcomes.stream().mapToLong(this::count).sum();
    }
}
