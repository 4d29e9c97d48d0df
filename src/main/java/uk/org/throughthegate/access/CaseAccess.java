package uk.org.throughthegate.access;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.JourneyChangeRefused;

/**
 * Who may see a case: its teams are granted read access to the process instance of the case, and
 * nobody else is (tasks follow their candidate groups by themselves). A person starting something
 * for a case must be on one of its teams.
 */
public final class CaseAccess {

    /** A column of Tasklist's task list: a variable of the task's case, and its heading. */
    public record TasklistColumn(String variable, String label) {
    }

    /**
     * What Tasklist lists beside every task: shown to whoever works the task, a provider included
     * (see TaskFormView).
     */
    public static final List<TasklistColumn> TASKLIST_COLUMNS = List.of(
            new TasklistColumn("caseReference", "Case"), new TasklistColumn("releaseDate", "Release date"));

    private CaseAccess() {
    }

    public static void grantRead(DelegateExecution execution, List<String> teams) {
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        teams.forEach(team -> grantRead(authorizations, execution.getProcessInstanceId(), team));
    }

    /** Read access to the running case and to its history (Cockpit's and REST's history views). */
    public static void grantRead(AuthorizationService authorizations, String processInstanceId, String team) {
        for (Resources resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
            if (authorizations.createAuthorizationQuery().groupIdIn(team).resourceType(resource)
                    .resourceId(processInstanceId).count() > 0) {
                continue;
            }
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(team);
            read.setResource(resource);
            read.setResourceId(processInstanceId);
            read.addPermission(resource == Resources.PROCESS_INSTANCE ? Permissions.READ
                    : HistoricProcessInstancePermissions.READ);
            Authorization saved = authorizations.saveAuthorization(read);
            keptAsLongAsTheHistory(saved, resource, processInstanceId);
        }
    }

    /**
     * A grant on a case's history must go when the history goes (history cleanup removes grants by
     * the root process instance they belong to). The engine finds that root by reading the
     * historic instance from the database, which a case that starts in this very transaction is
     * not in yet: the grant would be kept for ever. The cases granted here (journeys, ROTL requests)
     * are root instances, so the root is the instance itself.
     */
    private static void keptAsLongAsTheHistory(Authorization grant, Resources resource, String processInstanceId) {
        if (resource == Resources.HISTORIC_PROCESS_INSTANCE && grant instanceof AuthorizationEntity entity
                && entity.getRootProcessInstanceId() == null) {
            entity.setRootProcessInstanceId(processInstanceId);
        }
    }

    /** Takes back what {@link #grantRead} gave a team for one case, the running case and its history alike. */
    public static void revokeRead(AuthorizationService authorizations, String processInstanceId, String team) {
        for (Resources resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
            authorizations.createAuthorizationQuery().groupIdIn(team).resourceType(resource).resourceId(processInstanceId)
                    .list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
    }

    /** Refuses a person who is not on one of the case's teams; no person means the system itself. */
    public static void requireTeamMember(DelegateExecution execution, String user, String what, String... teams) {
        if (user != null && !TeamMembership.inAny(execution.getProcessEngineServices().getIdentityService(), user, teams)) {
            throw new JourneyChangeRefused(what, List.of(new FieldError("caseReference",
                    "'" + user + "' is not on a team of this case (" + String.join(", ", List.of(teams)) + ")")))
                    .forCase(execution.getVariable("caseReference"));
        }
    }

    /** Hands one team's open tasks and read access in a process instance over to another team. */
    public static void handOver(ProcessEngineServices engine, String instanceId, String oldTeam, String newTeam) {
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
            revokeRead(authorizations, instanceId, oldTeam);
            grantRead(authorizations, instanceId, newTeam);
        }
    }
}
