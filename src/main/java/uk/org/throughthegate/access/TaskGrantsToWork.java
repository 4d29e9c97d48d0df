package uk.org.throughthegate.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasks created before the engine granted TASK_WORK (defaultUserPermissionNameForTask) carry the
 * engine's old default, UPDATE, which lets a team move its own deadline. At start-up every such
 * grant becomes TASK_WORK, so open tasks follow the same rule as new ones. Finds nothing to do
 * after the first start.
 */
@Component
@Order(11)
class TaskGrantsToWork implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskGrantsToWork.class);
    private static final int PAGE = 500;

    private final AuthorizationService authorizations;

    TaskGrantsToWork(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        int changed = 0;
        int kept = 0;
        while (true) {
            var page = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).listPage(kept, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Authorization grant : page) {
                if ("*".equals(grant.getResourceId())) {
                    kept++; // a standing grant on every task (camunda-admin's): administrators keep it
                    continue;
                }
                grant.removePermission(Permissions.UPDATE);
                grant.addPermission(TaskPermissions.TASK_WORK);
                grant.addPermission(Permissions.READ);
                authorizations.saveAuthorization(grant);
                changed++;
                LOG.debug("Task grant of {} on task {} is now TASK_WORK", grant.getGroupId() != null ? grant.getGroupId()
                        : grant.getUserId(), grant.getResourceId());
            }
        }
        if (changed > 0) {
            LOG.info("{} task grants changed from UPDATE to TASK_WORK: teams work their tasks but cannot edit them", changed);
        }
    }
}
