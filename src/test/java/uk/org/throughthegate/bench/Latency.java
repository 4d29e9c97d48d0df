package uk.org.throughthegate.bench;

import java.util.Arrays;

/** The spread of one call's response times, in milliseconds. */
record Latency(double p50, double p95, double p99, int calls) {

    static Latency of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latency(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length);
    }

    /** Nearest-rank percentile. */
    private static double at(double[] sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public String toString() {
        return String.format("%.1f / %.1f / %.1f ms%s", p50, p95, p99, calls < ScaleBenchmark.CALLS ? " (" + calls + " calls)" : "");
    }
}
