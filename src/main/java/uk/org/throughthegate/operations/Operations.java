package uk.org.throughthegate.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the refresh of the workload gauges (see {@link WorkloadGauges}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Operations {
}
