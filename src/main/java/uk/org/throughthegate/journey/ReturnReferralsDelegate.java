package uk.org.throughthegate.journey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.model.TextFact;

/**
 * "Return open referrals to the YOT": once consent is withdrawn, no team outside the case keeps a
 * referral (or read access to the case); the YOT gets each one, and the list of what came back.
 */
@Component("returnReferralsToYot")
class ReturnReferralsDelegate implements JavaDelegate {

    static final String RETURNED = "returnedReferrals";

    @Override
    public void execute(DelegateExecution execution) {
        var engine = execution.getProcessEngineServices();
        String journey = execution.getProcessInstanceId();
        String yotTeam = TextFact.of(execution, JourneyProcess.YOT_TEAM);
        Set<String> referralTeams = new LinkedHashSet<>();
        List<String> returned = new ArrayList<>();
        for (var task : engine.getTaskService().createTaskQuery().processInstanceId(journey).list()) {
            for (var link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && ConsentedReferrals.needsConsent(link.getGroupId())) {
                    referralTeams.add(link.getGroupId());
                    returned.add("- " + task.getName());
                }
            }
        }
        referralTeams.forEach(team -> CaseAccess.handOver(engine, journey, team, yotTeam));
        execution.setVariable(RETURNED, returned.isEmpty() ? "- none were open" : String.join("\n", returned));
    }
}
