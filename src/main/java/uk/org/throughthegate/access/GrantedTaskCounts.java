package uk.org.throughthegate.access;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * Counts every task a user may read ({@code GET /engine-rest/task/count}, Tasklist's "All tasks")
 * from the user's grants alone, without reading one task.
 * <p>
 * The engine's count finds each granted task by key: 3,470 tasks for a YOT member at 100,000
 * journeys. When the count asks nothing of a task and every task the user may read is one the
 * user's grants name (no grant on a definition or on '*'), the answer is the number of tasks those
 * grants name: the engine deletes a task's grants with the task, so each named task exists. A grant
 * written by hand (Admin, the REST API) for a task id that never existed is the one difference: it
 * is counted here and listed nowhere.
 * <p>
 * Anything else keeps the engine's count, as for a team's count ({@link TeamTaskCounts}): any
 * criterion, "or" queries, revoke checks, case tasks, and, checked by the statement itself, grants
 * beyond the tasks they name, tasks without a process definition or with a tenant.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
class GrantedTaskCounts extends TeamTaskCounts {

    /**
     * @param engineCount the full id of the task count statement (the engine's, as replaced)
     * @param ours the full id of the statement that counts from grants
     */
    GrantedTaskCounts(String engineCount, String ours) {
        super(engineCount, ours);
    }

    @Override
    boolean counts(TaskQueryImpl query) {
        return asksNothing(query);
    }

    /** Whether a task query asks for every task the user's grants show, checked against grants (not revokes). */
    static boolean asksNothing(TaskQueryImpl query) {
        return checkedAgainstGrants(query) && !namesTeams(query) && query.getCandidateUser() == null
                && query.getQueries().size() == 1 && query.getQueries().get(0) == query && asksNothingElse(query);
    }
}
