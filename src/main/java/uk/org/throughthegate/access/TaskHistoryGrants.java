package uk.org.throughthegate.access;

import java.util.Arrays;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
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

        /**
         * A task made in this step is not in the database yet, so neither is a grant on it: the
         * engine's look-up for the team's existing grant (a statement per team for every task
         * created) could only find nothing. A team added to a task made earlier is looked up as before.
         */
        @Override
        protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
            return madeInThisStep(taskId) ? null : super.getGrantAuthorization(taskId, userId, groupId, resource);
        }

        static boolean madeInThisStep(String taskId) {
            CommandContext step = Context.getCommandContext();
            if (step == null || taskId == null) {
                return false;
            }
            CachedDbEntity task = step.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
            return task != null && task.getEntityState() == DbEntityState.TRANSIENT;
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
