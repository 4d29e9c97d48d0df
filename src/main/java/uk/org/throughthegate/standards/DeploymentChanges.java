package uk.org.throughthegate.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Counts the deployments made or deleted through this node's engine (a process owner's new version
 * of a table through Modeler or the REST API, its removal, the service's own at start-up), so that
 * a table's newest version remembered before one is asked afresh after it. Counted when the
 * deployment commits, not when it is parsed: a lookup between the two would find the old version in
 * the database and keep it as if it were new.
 */
@Component
class DeploymentChanges extends AbstractProcessEnginePlugin {

    private final AtomicLong committed = new AtomicLong();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // after the engine's own interceptors: inside the command's context, so it can wait for the commit
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CountAtCommit());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** How many deployments were made or deleted on this node since it started. */
    long count() {
        return committed.get();
    }

    private class CountAtCommit extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof DeployCmd || command instanceof DeleteDeploymentCmd) {
                Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        context -> committed.incrementAndGet());
            }
            return next.execute(command);
        }
    }
}
