package uk.org.throughthegate.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import uk.org.throughthegate.access.TeamMembership;

/**
 * The ldap profile: people and their teams come from the organisation's directory, read-only, through
 * Camunda's LDAP identity plugin. A directory group is a team when its id (the attribute
 * {@code ttg.ldap.group-id-attribute}) is a team id such as {@code yot-lewisham}; the grants on each
 * case name team ids, so nothing else changes: the same authorizations, filters and mails. Members of
 * the directory group {@code camunda-admin} administer the service. The service creates no users.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
class DirectoryUsers {

    @Bean
    @ConfigurationProperties("ttg.ldap")
    LdapIdentityProviderPlugin directoryIdentityProvider() {
        return new LdapIdentityProviderPlugin();
    }

    /** Grants the directory's administrators everything, as the starter does for its admin user. */
    @Bean
    AdministratorAuthorizationPlugin directoryAdministrators() {
        AdministratorAuthorizationPlugin administrators = new AdministratorAuthorizationPlugin();
        administrators.setAdministratorGroupName(TeamMembership.ADMINS);
        return administrators;
    }

    /**
     * Runs before the starter's admin user set-up, which would otherwise fail on a read-only
     * directory with "identity service implementation is read-only" and no hint of the cause.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    DirectoryCheck directoryCheck(Environment environment) {
        return new DirectoryCheck(environment.getProperty("camunda.bpm.admin-user.id"));
    }

    static class DirectoryCheck extends AbstractProcessEnginePlugin {

        private final String adminUser;

        DirectoryCheck(String adminUser) {
            this.adminUser = adminUser;
        }

        @Override
        public void postProcessEngineBuild(ProcessEngine engine) {
            IdentityService identity = engine.getIdentityService();
            if (identity.createGroupQuery().groupId(TeamMembership.ADMINS).count() == 0) {
                throw new IllegalStateException("Refusing to start: the directory has no group '" + TeamMembership.ADMINS
                        + "' for the service's administrators (ttg.ldap.group-id-attribute must give that id).");
            }
            if (adminUser != null && identity.createUserQuery().userId(adminUser).memberOfGroup(TeamMembership.ADMINS)
                    .count() == 0) {
                throw new IllegalStateException("Refusing to start: the admin user '" + adminUser + "' (TTG_ADMIN_USER)"
                        + " must be a directory user in the group '" + TeamMembership.ADMINS
                        + "'; with the ldap profile the service creates no users.");
            }
        }
    }
}
