package uk.org.throughthegate.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Remembers which groups hold grants, so that a user's screen does not ask it on every step.
 * <p>
 * Before each authorization check the engine narrows the user's groups to those that hold any
 * grant, and asks the database for every such group once per command (see
 * {@link AuthorizedGroupsLookup}): Tasklist's list of a filter is four commands, so four walks of
 * the grants' group index, 0.6-0.8 ms each at 10,000 journeys. A group that holds grants almost
 * always keeps them (teams, establishments, providers), so those groups are remembered for the life
 * of the engine; only when a user has a group not remembered is the database asked again, within
 * that command, exactly as the engine would. Nothing goes stale that matters: a group that gets its
 * first grant is not remembered yet and is looked up; a remembered group that loses all its grants
 * only adds a group to the query that matches no grant.
 */
@Component
class GroupsWithGrants extends AbstractProcessEnginePlugin {

    private final Set<String> remembered = ConcurrentHashMap.newKeySet();

    /** The groups known to hold grants. */
    Set<String> remembered() {
        return Set.copyOf(remembered);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new RememberingAuthorizationManager(remembered);
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager (one per command), asking for the groups with grants only when needed. */
    static class RememberingAuthorizationManager extends AuthorizationManager {

        private final Set<String> remembered;
        private boolean askedInThisCommand;

        RememberingAuthorizationManager(Set<String> remembered) {
            this.remembered = remembered;
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> groupIds) {
            if (groupIds == null || groupIds.isEmpty()) {
                return super.filterAuthenticatedGroupIds(groupIds);
            }
            if (!askedInThisCommand && !remembered.containsAll(groupIds)) {
                List<String> withGrants = getDbEntityManager().selectList("selectAuthorizedGroupIds");
                withGrants.stream().filter(Objects::nonNull).forEach(remembered::add);
                askedInThisCommand = true;
            }
            return new ArrayList<>(groupIds.stream().filter(remembered::contains).distinct().toList());
        }
    }
}
