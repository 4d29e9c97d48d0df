package uk.org.throughthegate.history;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes {@link KeptHistory} known to the engine (application.yaml names it as the history level), and
 * writes history with {@link QuietWatchesForgotten} in place of the engine's own writer.
 */
@Component
class KeptHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new KeptHistory());
        // the engine's writer would otherwise be added beside ours and write every event twice
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new QuietWatchesForgotten());
    }
}
