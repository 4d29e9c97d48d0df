package uk.org.throughthegate.access;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Counts the changes this node's engine writes to people, teams, tenants and their memberships, so
 * that a login remembered before a change is not trusted after it ({@link RememberedRestLogins}): a
 * new password, a lock after failed attempts, a person leaving a team or deleted.
 * <p>
 * A change counts when it is written and again when its transaction commits: a login looked up
 * while the change was in flight may have read the rows as they were, and is not kept either.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

    /** The engine's mappings of the identity tables (User.xml, Group.xml, Membership.xml, Tenant.xml, TenantMembership.xml). */
    private static final Set<String> NAMESPACES = Set.of(
            "org.camunda.bpm.engine.impl.persistence.entity.UserEntity",
            "org.camunda.bpm.engine.impl.persistence.entity.GroupEntity",
            "org.camunda.bpm.engine.impl.persistence.entity.MembershipRelation",
            "org.camunda.bpm.engine.impl.persistence.entity.TenantEntity",
            "org.camunda.bpm.engine.impl.persistence.entity.TenantMembershipEntity");

    private final AtomicLong generation = new AtomicLong();

    /** Changes counted so far; a login learnt at one count is trusted only while the count stays. */
    long generation() {
        return generation.get();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Writes());
    }

    private void changed() {
        generation.incrementAndGet();
    }

    private static boolean isIdentityStatement(String statementId) {
        int dot = statementId.lastIndexOf('.');
        return dot > 0 && NAMESPACES.contains(statementId.substring(0, dot));
    }

    @Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
    private class Writes extends ExecutorQueryInterceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            if (isIdentityStatement(((MappedStatement) invocation.getArgs()[0]).getId())) {
                changed();
                CommandContext command = Context.getCommandContext();
                if (command != null) {
                    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> changed());
                }
            }
            return invocation.proceed();
        }
    }
}
