package uk.org.throughthegate.notification;

import static uk.org.throughthegate.notification.DeadlineEscalationProcess.PM_TEAM;
import static uk.org.throughthegate.notification.DeadlineEscalationProcess.STRATEGIC_LEAD_TEAM;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.model.TextFact;

/**
 * Once a task is overdue, its consortium's project managers and strategic lead may open its
 * escalation in Cockpit ("Overdue task escalation", by case reference): where the ladder stands,
 * which rung has acted, and its history after it closes. Granted only then: a watch whose task is
 * done in time grants nothing, so the grants paid on every screen grow with late steps, not tasks.
 */
@Component("showOverdueToManagers")
class OverdueShownToManagers implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        CaseAccess.grantRead(execution, List.of(TextFact.of(execution, PM_TEAM),
                TextFact.of(execution, STRATEGIC_LEAD_TEAM)));
    }
}
