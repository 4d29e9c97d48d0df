package uk.org.throughthegate.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/** A kind of job of our own (a job of no process model), known to the engine it is a plugin of. */
abstract class JobKindPlugin<T extends JobHandlerConfiguration> extends AbstractProcessEnginePlugin implements JobHandler<T> {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // copied: Operaton starts with an unmodifiable empty list, Camunda with none
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(this);
        configuration.setCustomJobHandlers(handlers);
    }
}
