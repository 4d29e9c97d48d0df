package uk.org.throughthegate.access;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import uk.org.throughthegate.access.RememberedLogins.Membership;

/** The engine's HTTP Basic check, with a success remembered for a moment (see RememberedLogins). */
class RememberingBasicAuthentication extends HttpBasicAuthenticationProvider {

    private final RememberedLogins logins;

    RememberingBasicAuthentication(RememberedLogins logins) {
        this.logins = logins;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (result.isAuthenticated()) {
            // Unset (null), the filter reads them itself.
            Membership membership = logins.membership(key(engine, result.getAuthenticatedUser()));
            if (membership != null) {
                result.setGroups(membership.groups());
                result.setTenants(membership.tenants());
            }
        }
        return result;
    }

    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String user, String password) {
        return logins.check(key(engine, user), password, () -> super.isAuthenticated(engine, user, password),
                () -> membership(engine, user));
    }

    private static Membership membership(ProcessEngine engine, String user) {
        var identity = engine.getIdentityService();
        return new Membership(identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList());
    }

    private static String key(ProcessEngine engine, String user) {
        return engine.getName() + '/' + user;
    }
}
