package uk.org.throughthegate.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's own counts (jobs acquired, executed, failed, rejected) as Prometheus counters
 * of this node.
 * <p>
 * The engine counts them in memory and moves the counts to its meter table every 15 minutes,
 * clearing them, so neither place holds a running total a scraper can read. Each of these meters is
 * swapped for one that also keeps a total since start-up: the engine's own reporting is unchanged.
 */
@Component
class EngineJobMeters extends AbstractProcessEnginePlugin implements MeterBinder {

    /** Engine metric name to Prometheus name (without the {@code _total} Prometheus adds) and help. */
    static final Map<String, String[]> COUNTED = new LinkedHashMap<>();

    static {
        COUNTED.put(Metrics.JOB_ACQUIRED_SUCCESS, new String[] {"camunda.jobs.acquired", "Jobs the job executor acquired"});
        COUNTED.put(Metrics.JOB_SUCCESSFUL, new String[] {"camunda.jobs.executed", "Jobs executed successfully (timers, mails, asynchronous steps)"});
        COUNTED.put(Metrics.JOB_FAILED, new String[] {"camunda.jobs.failed", "Job executions that failed (each retry counts)"});
        COUNTED.put(Metrics.JOB_EXECUTION_REJECTED, new String[] {"camunda.jobs.rejected", "Acquired jobs the executor had no thread for"});
        COUNTED.put(Metrics.JOB_ACQUISITION_ATTEMPT, new String[] {"camunda.jobs.acquisition.attempts", "Polls of the job table"});
    }

    private final Map<String, TotallingMeter> meters = new LinkedHashMap<>();

    EngineJobMeters() {
        COUNTED.keySet().forEach(name -> meters.put(name, new TotallingMeter(name)));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getMetricsRegistry() != null) {
            configuration.getMetricsRegistry().getDbMeters().putAll(meters);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.forEach((name, meter) -> FunctionCounter.builder(COUNTED.get(name)[0], meter, TotallingMeter::total)
                .description(COUNTED.get(name)[1])
                .register(registry));
    }

    /** The engine's meter, plus a total since start-up that the engine's reporting does not clear. */
    static final class TotallingMeter extends Meter {

        private final AtomicLong total = new AtomicLong();

        TotallingMeter(String name) {
            super(name);
        }

        @Override
        public void mark() {
            markTimes(1);
        }

        @Override
        public void markTimes(long times) {
            super.markTimes(times);
            total.addAndGet(times);
        }

        double total() {
            return total.get();
        }
    }
}
