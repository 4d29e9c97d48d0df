package uk.org.throughthegate.access;

import java.util.List;
import java.util.Set;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;

/**
 * Before a task count or list that collects the user's grants and names no team or person (the
 * unfiltered count, "all tasks"), asks once whether the user holds
 * any grant showing more than the tasks it names (on a process definition, or on every task or
 * definition); when not, the statement leaves out the parts that would read those tasks.
 * <p>
 * Those parts are empty for a practitioner, whose grants name the team's tasks, but PostgreSQL
 * cannot know it when it plans: it took them for every task there is, and counted a team's tasks
 * by reading all of them (133,558 at 100,000 journeys: `GET /engine-rest/task/count` about 120 ms).
 * Without them the count reads the team's grants and its tasks by key. The answer holds for the
 * one statement that follows; a grant added after it is seen by the next.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
class TaskGrantsBeyondRows extends ExecutorQueryInterceptor {

    private static final ThreadLocal<Boolean> HELD = new ThreadLocal<>();

    private final Set<String> statements;
    private final String check;

    /**
     * @param statements the full ids of the task statements that collect grants (the engine's, as replaced)
     * @param check the full id of the statement that answers whether such grants are held
     */
    TaskGrantsBeyondRows(Set<String> statements, String check) {
        this.statements = Set.copyOf(statements);
        this.check = check;
    }

    /**
     * Whether the statement being written must read tasks through definition or '*' grants: true
     * unless this interceptor has just found the user holds none (so any other caller gets the
     * whole condition).
     */
    public static boolean held() {
        return !Boolean.FALSE.equals(HELD.get());
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        Object parameter = invocation.getArgs()[1];
        if (!statements.contains(statement.getId()) || !(parameter instanceof TaskQueryImpl query)
                || !collectsGrants(query)) {
            return invocation.proceed();
        }
        Executor executor = (Executor) invocation.getTarget();
        List<Object> answer = executor.query(statement.getConfiguration().getMappedStatement(check), query,
                RowBounds.DEFAULT, Executor.NO_RESULT_HANDLER);
        Boolean outer = HELD.get();
        HELD.set(!answer.isEmpty() && ((Number) answer.get(0)).intValue() > 0);
        try {
            return invocation.proceed();
        } finally {
            if (outer == null) {
                HELD.remove();
            } else {
                HELD.set(outer);
            }
        }
    }

    /**
     * A query whose condition collects the user's grants and names no team or person. One that
     * names a team (Tasklist's team filters and their counts) is found through the team's links and
     * keeps the whole condition: measured at 100,000 journeys, its count was about 10 ms slower
     * without the two parts, as PostgreSQL then expected a handful of grants and probed the links
     * one task at a time instead of reading the team's links at once.
     */
    static boolean collectsGrants(TaskQueryImpl query) {
        AuthorizationCheck check = query.getAuthCheck();
        return check != null && check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
                && !check.isRevokeAuthorizationCheckEnabled() && !GrantsFirstQueries.namesTeamOrPerson(query);
    }
}
