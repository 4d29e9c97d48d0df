package uk.org.throughthegate.access;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing access rules, created at start-up once (idempotent): everyone logged in may use
 * Tasklist and start the service's processes (each start checks that the
 * person is on a team of the case); managers get Cockpit; process owners may deploy. What a
 * person may read of a case is granted per case (see CaseAccess).
 */
@Component
@Order(10)
@EnableConfigurationProperties(AccessRules.AccessProperties.class)
public class AccessRules implements ApplicationRunner {

    static final String EVERYONE = "*";
    static final List<String> STARTABLE = List.of("resettlement-journey", "rotl-request", "change-release-date",
            "transfer-establishment", "withdraw-journey", "recall-to-custody", "change-case-worker",
            "withdraw-consent", "enhanced-offer-referral",
            "record-custody-contact");

    private final AuthorizationService authorizations;
    private final AccessProperties access;

    AccessRules(AuthorizationService authorizations, AccessProperties access) {
        this.authorizations = authorizations;
        this.access = access;
    }

    @Override
    public void run(ApplicationArguments args) {
        global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        for (String key : STARTABLE) {
            global(Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
        }
        global(Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        for (String managers : access.cockpitGroups()) {
            group(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            for (String key : STARTABLE) {
                group(managers, Resources.PROCESS_DEFINITION, key, Permissions.READ);
            }
            // the escalations of their consortium's overdue tasks, each granted once it is overdue
            group(managers, Resources.PROCESS_DEFINITION, "deadline-escalation", Permissions.READ);
        }
        for (String owners : access.processOwnerGroups()) {
            group(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            group(owners, Resources.DEPLOYMENT, "*", Permissions.ALL);
            group(owners, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
            group(owners, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
            group(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
        }
    }

    private void global(Resource resource, String id, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(id).count() == 0) {
            save(authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL), null, resource, id, permissions);
        }
    }

    private void group(String group, Resource resource, String id, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id).count() == 0) {
            save(authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT), group, resource, id, permissions);
        }
    }

    private void save(Authorization a, String group, Resource resource, String id, Permission... permissions) {
        if (group == null) {
            a.setUserId(EVERYONE);
        } else {
            a.setGroupId(group);
        }
        a.setResource(resource);
        a.setResourceId(id);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }

    /**
     * @param cockpitGroups the consortium project managers' teams, who watch journeys in Cockpit
     * @param processOwnerGroups who may deploy models (Camunda Modeler) and see every definition
     */
    @ConfigurationProperties("ttg.access")
    public record AccessProperties(List<String> cockpitGroups, List<String> processOwnerGroups) {
    }
}
