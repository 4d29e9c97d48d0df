package uk.org.throughthegate.journey.change;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.TeamMembership;
import uk.org.throughthegate.access.Teams;
import uk.org.throughthegate.calendar.TypedDate;
import uk.org.throughthegate.journey.AccessWindowRule;
import uk.org.throughthegate.journey.CaseDates;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.JourneyChangeRefused;

/**
 * "Record it on the journey": a provider (or anyone on the case's teams) records a visit or
 * session in custody. Within the establishment's access window only. It answers the YOT's open
 * contact task if there is one; otherwise it becomes the last contact and the next one's timer
 * moves with it.
 */
@Component("recordCustodyContact")
class RecordCustodyContactDelegate implements JavaDelegate {

    static final String WHAT = "Contact in custody";
    static final List<String> ANSWERS = List.of("contactOn", "contactAt", "contactKind", "contactBy");

    private final AccessWindowRule windows;

    RecordCustodyContactDelegate(AccessWindowRule windows) {
        this.windows = windows;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var engine = execution.getProcessEngineServices();
        String reference = TextFact.of(execution, JourneyProcess.CASE_REFERENCE);
        JourneyFacts journey = JourneyFacts.runningFor(engine.getRuntimeService(), reference, WHAT);
        String who = TextFact.of(execution, "recordedBy");
        if (!journey.inCustody()) {
            refuse(reference, JourneyProcess.CASE_REFERENCE, "'" + reference + "' is no longer in custody");
        }
        if (who != null && !TeamMembership.inAny(engine.getIdentityService(), who, journey.caseTeams())
                && engine.getIdentityService().createGroupQuery().groupMember(who).list().stream()
                        .noneMatch(g -> Teams.is(g.getId(), Teams.Kind.PROVIDER))) {
            refuse(reference, JourneyProcess.CASE_REFERENCE, "'" + who + "' is neither on a team of this case nor a provider");
        }
        LocalDate on = TypedDate.parse(TextFact.of(execution, "contactOn"));
        LocalTime at = LocalTime.parse(TextFact.of(execution, "contactAt").trim());
        windows.refusal(journey.establishment(), on, at).ifPresent(problem -> refuse(reference, "contactAt", problem));
        execution.setProcessBusinessKey(reference);

        Map<String, Object> answers = new java.util.HashMap<>();
        ANSWERS.forEach(name -> answers.put(name, execution.getVariable(name)));
        answers.put("contactOn", on.toString());
        var open = engine.getTaskService().createTaskQuery().processInstanceId(journey.journeyId())
                .taskDefinitionKey("Task_RecordContactInCustody").singleResult();
        if (open != null) {
            engine.getTaskService().complete(open.getId(), answers);
            return;
        }
        Object last = journey.variables().get(JourneyProcess.LAST_CUSTODY_CONTACT);
        if (CaseDates.isLatestContact(on, last)) {
            engine.getRuntimeService().setVariable(journey.journeyId(), JourneyProcess.LAST_CUSTODY_CONTACT, on.toString());
            engine.getManagementService().createJobQuery().processInstanceId(journey.journeyId())
                    .activityId("Timer_ContactInCustodyOpens").list()
                    .forEach(job -> engine.getManagementService().recalculateJobDuedate(job.getId(), false));
        }
    }

    private static void refuse(String reference, String field, String problem) {
        throw new JourneyChangeRefused(WHAT, List.of(new FieldError(field, problem))).forCase(reference);
    }
}
