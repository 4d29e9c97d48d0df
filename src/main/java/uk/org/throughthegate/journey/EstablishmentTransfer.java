package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.journey.InputRefused.FieldError;
import uk.org.throughthegate.rotl.RotlProcess;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * "Move the case to the new establishment": open custody and governor tasks of the journey and its
 * ROTL requests go to the new establishment's teams, future ones follow the journey's new team
 * variables, and read access moves from the old teams to the new. History is untouched.
 */
@Component("transferEstablishment")
class EstablishmentTransfer implements JavaDelegate {

    private final ConsortiumStandards standards;

    EstablishmentTransfer(ConsortiumStandards standards) {
        this.standards = standards;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessEngineServices engine = execution.getProcessEngineServices();
        var runtime = engine.getRuntimeService();
        String reference = (String) execution.getVariable(CASE_REFERENCE);
        String target = (String) execution.getVariable("newEstablishment");
        ProcessInstance journey = RunningJourney.of(runtime, reference);
        Map<String, Object> facts = journey == null ? Map.of() : runtime.getVariables(journey.getId());
        List<FieldError> errors = new ArrayList<>();
        if (journey == null) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has no running journey"));
        } else if (!Boolean.TRUE.equals(facts.get(IN_CUSTODY))) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has been released"));
        }
        if (target == null || standards.establishment(target).isEmpty()) {
            errors.add(new FieldError("newEstablishment", "'" + target + "' is not a known secure establishment"));
        } else if (target.equals(facts.get(ESTABLISHMENT))) {
            errors.add(new FieldError("newEstablishment", "the child is already in '" + target + "'"));
        }
        if (!errors.isEmpty()) {
            throw new JourneyChangeRefused("Transfer", errors);
        }
        String from = (String) facts.get(ESTABLISHMENT);
        CaseAccess.requireTeamMember(execution, (String) execution.getVariable("transferredBy"), "Transfer",
                (String) facts.get(YOT_TEAM), Teams.custody(from), (String) facts.get(PM_TEAM));
        execution.setProcessBusinessKey(reference);

        List<String> instances = new ArrayList<>(List.of(journey.getId()));
        runtime.createProcessInstanceQuery().processDefinitionKey(RotlProcess.KEY).processInstanceBusinessKey(reference)
                .list().forEach(r -> instances.add(r.getId()));
        for (String instance : instances) {
            runtime.setVariable(instance, ESTABLISHMENT, target);
            runtime.setVariable(instance, CUSTODY_TEAM, Teams.custody(target));
            if (!instance.equals(journey.getId())) {
                runtime.setVariable(instance, RotlProcess.GOVERNOR_TEAM, Teams.governors(target));
            }
            move(engine, instance, Teams.custody(from), Teams.custody(target));
            move(engine, instance, Teams.governors(from), Teams.governors(target));
        }
    }

    /** Hands one team's open tasks and read access in a case over to another team. */
    private static void move(ProcessEngineServices engine, String instanceId, String oldTeam, String newTeam) {
        var tasks = engine.getTaskService();
        var authorizations = engine.getAuthorizationService();
        for (var task : tasks.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup(oldTeam).list()) {
            tasks.deleteCandidateGroup(task.getId(), oldTeam);
            // removing the candidate group leaves the task authorization the engine gave it: remove that too
            authorizations.createAuthorizationQuery().groupIdIn(oldTeam).resourceType(Resources.TASK)
                    .resourceId(task.getId()).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
            tasks.addCandidateGroup(task.getId(), newTeam);
        }
        if (authorizations.createAuthorizationQuery().groupIdIn(oldTeam).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instanceId).count() > 0) {
            CaseAccess.revokeRead(authorizations, instanceId, oldTeam);
            CaseAccess.grantRead(authorizations, instanceId, newTeam);
        }
    }
}
