package uk.org.throughthegate.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A kind of job of our own (a job of no process model), known to the engine it is a plugin of. Its
 * configuration is one id (the job's key: a task, a batch of mails); nothing is kept beside the job.
 */
abstract class JobKindPlugin extends AbstractProcessEnginePlugin implements JobHandler<JobKindPlugin.Key> {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // copied: Operaton starts with an unmodifiable empty list, Camunda with none
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(this);
        configuration.setCustomJobHandlers(handlers);
    }

    @Override
    public Key newConfiguration(String canonicalString) {
        return new Key(canonicalString);
    }

    @Override
    public void onDelete(Key configuration, JobEntity jobEntity) {
        // nothing kept beside the job
    }

    /** The one id a job of ours carries. */
    record Key(String id) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return id;
        }
    }
}
