package uk.org.throughthegate.access;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import uk.org.throughthegate.journey.InputRefused.FieldError;
import uk.org.throughthegate.journey.JourneyChangeRefused;

/**
 * Who may see a case: its teams are granted read access to the process instance of the case, and
 * nobody else is (tasks follow their candidate groups by themselves). A person starting something
 * for a case must be on one of its teams.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static void grantRead(DelegateExecution execution, List<String> teams) {
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        teams.forEach(team -> grantRead(authorizations, execution.getProcessInstanceId(), team));
    }

    public static void grantRead(AuthorizationService authorizations, String processInstanceId, String team) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(team);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(processInstanceId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }

    /** Refuses a person who is not on one of the case's teams; no person means the system itself. */
    public static void requireTeamMember(DelegateExecution execution, String user, String what, String... teams) {
        if (user != null && !TeamMembership.inAny(execution.getProcessEngineServices().getIdentityService(), user, teams)) {
            throw new JourneyChangeRefused(what, List.of(new FieldError("caseReference",
                    "'" + user + "' is not on a team of this case (" + String.join(", ", List.of(teams)) + ")")));
        }
    }
}
