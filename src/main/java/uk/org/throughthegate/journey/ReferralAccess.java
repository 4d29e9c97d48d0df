package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.model.ProcessKey;

/**
 * A provider holding a referral (a task of a journey for its provider team) does not read the
 * journey: it sees what the referral's form shows (access/TaskFormView). Tasklist reads its list
 * columns (case reference, release date) as variables readable by the task's team, so each
 * referral carries its own copy of them, kept current when the release date moves.
 */
@Component
public class ReferralAccess {

    @EventListener(condition = "#task.eventName == 'create'")
    public void onReferral(DelegateTask task) {
        if (JourneyProcess.KEY.equals(ProcessKey.of(task)) && task.getCandidates().stream().anyMatch(ReferralAccess::isReferralTeam)) {
            copyColumns(task, task);
        }
    }

    /** After the journey's facts change: each open referral's copy is brought up to date. */
    public static void refreshColumns(TaskService tasks, VariableScope journey, Task referral) {
        for (var column : CaseAccess.TASKLIST_COLUMNS) {
            if (tasks.getVariableLocal(referral.getId(), column.variable()) != null) {
                tasks.setVariableLocal(referral.getId(), column.variable(), journey.getVariable(column.variable()));
            }
        }
    }

    private static void copyColumns(VariableScope journey, DelegateTask referral) {
        CaseAccess.TASKLIST_COLUMNS.forEach(column -> referral.setVariableLocal(column.variable(), journey.getVariable(column.variable())));
    }

    private static boolean isReferralTeam(IdentityLink link) {
        return IdentityLinkType.CANDIDATE.equals(link.getType()) && isReferralTeam(link.getGroupId());
    }

    /** A team outside the case's own that a referral shares the case with. */
    private static boolean isReferralTeam(String groupId) {
        return Teams.kindOf(groupId).filter(Teams.Kind::isReferralTeam).isPresent();
    }
}
