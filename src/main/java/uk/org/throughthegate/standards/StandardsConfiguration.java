package uk.org.throughthegate.standards;

import java.time.Duration;
import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StandardsConfiguration {

    @Bean
    ConsortiumStandards consortiumStandards(ProcessEngine engine, DeploymentChanges deployments,
            @Value("${ttg.standards.newest-version-recheck:10s}") Duration recheck) {
        return new ConsortiumStandards(new LatestDecisionTables(
                ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getCommandExecutorTxRequired(), deployments, recheck));
    }

    /** Deadlines are local days in England and Wales, whatever zone the server runs in. */
    @Bean
    ZoneId caseTimeZone(@Value("${ttg.time-zone:Europe/London}") String zone) {
        return ZoneId.of(zone);
    }
}
