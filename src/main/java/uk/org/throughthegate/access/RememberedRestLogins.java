package uk.org.throughthegate.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * HTTP Basic authentication of the REST APIs that remembers a login for a short while, as the
 * Camunda webapp remembers the login of a Tasklist session.
 * <p>
 * Checked afresh, each call of a REST client paid for three engine commands before it read anything
 * (the password, the person's teams, their tenants): about 4.5 ms of a call's 5.2 at 100,000
 * journeys, where a call with Tasklist's session pays 0.7 ms. Here, once the engine has accepted a
 * name and password, their teams and tenants are kept against a digest of the credentials (never the
 * password itself) until the time set ({@code ttg.rest.remember-logins}) or until this node writes
 * any change to people, teams, tenants or memberships ({@link IdentityChanges}), whichever comes
 * first. A wrong password is never remembered: it is checked by the engine every time, which counts
 * it towards the person's lock. What this node cannot see (a change made by another node, or in a
 * directory) applies when the time runs out, as it does for a Tasklist session.
 */
class RememberedRestLogins extends HttpBasicAuthenticationProvider {

    /** Whom the engine accepted, and what it knew of them when it did. */
    private record Login(String user, List<String> groups, List<String> tenants, long generation) {
    }

    private final IdentityChanges changes;
    private final Cache<String, Login> logins;
    private final boolean remembering;
    /** Mixed into every digest, so that a digest means nothing outside this process. */
    private final byte[] salt = new byte[32];

    /**
     * @param changes the changes to people and teams this node writes
     * @param keep how long a login is trusted without asking the engine again; zero asks every time
     * @param most how many logins are remembered at once
     */
    RememberedRestLogins(IdentityChanges changes, Duration keep, long most) {
        this.changes = changes;
        this.remembering = !keep.isZero() && !keep.isNegative();
        this.logins = Caffeine.newBuilder().expireAfterWrite(remembering ? keep : Duration.ofSeconds(1)).maximumSize(most).build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        String header = request.getHeader("Authorization");
        if (!remembering || header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
            return super.extractAuthenticatedUser(request, engine);
        }
        String key = engine.getName() + ":" + digest(header);
        long generation = changes.generation();
        Login known = logins.getIfPresent(key);
        if (known != null && known.generation() == generation) {
            return result(known);
        }
        AuthenticationResult checked = super.extractAuthenticatedUser(request, engine);
        if (!checked.isAuthenticated()) {
            logins.invalidate(key);
            return checked;
        }
        String user = checked.getAuthenticatedUser();
        Login login = new Login(user, groupsOf(engine, user), tenantsOf(engine, user), generation);
        if (changes.generation() == generation) {
            logins.put(key, login);
        }
        return result(login);
    }

    private static AuthenticationResult result(Login login) {
        AuthenticationResult result = AuthenticationResult.successful(login.user());
        result.setGroups(login.groups());
        result.setTenants(login.tenants());
        return result;
    }

    /** As the engine's authentication filter asks them. */
    private static List<String> groupsOf(ProcessEngine engine, String user) {
        return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private static List<String> tenantsOf(ProcessEngine engine, String user) {
        return engine.getIdentityService().createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
    }

    private String digest(String credentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
