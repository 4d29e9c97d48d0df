package uk.org.throughthegate.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code jobs} part of readiness: down while this node should run timers and its job executor
 * is not running. A node configured without a job executor ({@code camunda.bpm.job-execution.enabled:
 * false}, a web-only node) is up, and says so. The backlog (jobs due, the oldest's wait) is shown
 * but does not decide: a backlog is a reason to alert (see the README), not to take a node out of
 * the load balancer.
 */
@Component("jobsHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final boolean shouldRun;
    private final WorkloadGauges workload;

    JobExecutorHealth(ProcessEngine engine, WorkloadGauges workload,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean shouldRun) {
        super("The job executor check failed");
        this.engine = engine;
        this.workload = workload;
        this.shouldRun = shouldRun;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        WorkloadGauges.Reading reading = workload.last();
        health.withDetail("jobsDue", reading.jobsDue()).withDetail("oldestDueSeconds", reading.oldestDueSeconds());
        if (!shouldRun) {
            health.up().withDetail("jobExecutor", "off on this node");
        } else if (executor != null && executor.isActive()) {
            health.up().withDetail("jobExecutor", "running");
        } else {
            health.down().withDetail("jobExecutor", "stopped");
        }
    }
}
