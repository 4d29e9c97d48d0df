package uk.org.throughthegate.access;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Plugin;

/**
 * An interceptor of the engine's statements at the executor (its queries, or its writes), and of
 * nothing else. MyBatis offers every executor, statement handler, parameter handler and result set
 * handler it makes to every interceptor, and the default {@link Interceptor#plugin} reads the
 * interceptor's annotation by reflection each time only to find it wants none of the three
 * handlers: three look-ups per interceptor for every SQL statement of every journey step (with
 * three interceptors, about 3 % of a "Record consent" completion's time in a profile). Offered only
 * the executor, they are asked once a command.
 */
abstract class ExecutorQueryInterceptor implements Interceptor {

    @Override
    public Object plugin(Object target) {
        return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }
}
