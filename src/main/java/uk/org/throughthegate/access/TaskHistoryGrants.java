package uk.org.throughthegate.access;

import java.util.Arrays;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine grants each candidate team of a task read access to that task and, with historic
 * instance permissions on, a second grant on the task's history, kept for as long as the history
 * (seven years): one row per team per task ever created, and every row is paid on every screen,
 * as the engine reads the groups of all grants on each request. The history of a case's tasks is
 * already readable by its teams through their grant on the case's history (the engine's historic
 * task query accepts either), so the per-task history grant is not made. Grants on open tasks are
 * made as before: that is how a team sees its tasks.
 */
@Component
class TaskHistoryGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WithoutHistoricTaskGrants());
    }

    static class WithoutHistoricTaskGrants extends DefaultAuthorizationProvider {

        /**
         * Not looked for either: the engine reads the team's existing grant on the task's history
         * before it makes one, a statement per team for every task created.
         */
        @Override
        protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId, Resource resource,
                boolean isHistoric, Permission... permissions) {
            return isHistoric ? null : super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
        }

        @Override
        protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String userId, String groupId) {
            AuthorizationEntity[] grants = super.createOrUpdateAuthorizations(task, userId, groupId);
            return grants == null ? null : Arrays.stream(grants).filter(Objects::nonNull)
                    .filter(a -> a.getResourceType() != Resources.HISTORIC_TASK.resourceType())
                    .toArray(AuthorizationEntity[]::new);
        }
    }
}
