package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called by the execution listeners of each pathway branch, as
 * {@code ${pathways.started(execution, 'accommodation')}}, so that the pathway's status follows its work.
 */
@Component("pathways")
public class PathwayProgress {

    public void started(DelegateExecution execution, String pathway) {
        execution.setVariable(Pathway.byId(pathway).variable(), PathwayStatus.IN_PROGRESS.value());
    }

    public void done(DelegateExecution execution, String pathway) {
        execution.setVariable(Pathway.byId(pathway).variable(), PathwayStatus.DONE.value());
    }
}
