package uk.org.throughthegate.journey;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.model.ProcessKey;

/**
 * A provider holding a referral (an open task of a journey for its provider team) may read that
 * journey, to know the case it is working for; when its last open task of the case is done, that
 * access goes again.
 */
@Component
class ReferralAccess {

    static final String PROVIDER_TEAM_PREFIX = "provider-";

    @EventListener(condition = "#task.eventName == 'create'")
    public void onReferral(DelegateTask task) {
        if (!ofJourney(task)) {
            return;
        }
        for (IdentityLink link : task.getCandidates()) {
            if (isProviderTeam(link)) {
                CaseAccess.grantRead(task.getProcessEngineServices().getAuthorizationService(), task.getProcessInstanceId(),
                        link.getGroupId());
            }
        }
    }

    @EventListener(condition = "#task.eventName == 'complete' || #task.eventName == 'delete'")
    public void onReferralDone(DelegateTask task) {
        if (!ofJourney(task)) {
            return;
        }
        var tasks = task.getProcessEngineServices().getTaskService();
        for (IdentityLink link : task.getCandidates()) {
            if (isProviderTeam(link) && tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                    .taskCandidateGroup(link.getGroupId()).list().stream().allMatch(t -> t.getId().equals(task.getId()))) {
                CaseAccess.revokeRead(task.getProcessEngineServices().getAuthorizationService(),
                        task.getProcessInstanceId(), link.getGroupId());
            }
        }
    }

    private static boolean ofJourney(DelegateTask task) {
        return JourneyProcess.KEY.equals(ProcessKey.of(task));
    }

    private static boolean isProviderTeam(IdentityLink link) {
        return IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                && link.getGroupId().startsWith(PROVIDER_TEAM_PREFIX);
    }
}
