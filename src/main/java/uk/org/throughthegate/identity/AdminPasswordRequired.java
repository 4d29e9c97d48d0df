package uk.org.throughthegate.identity;

import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Outside the demo, the first admin's password must come from the environment and must not be a
 * default: the starter would otherwise use the user id as the password. Checked before any bean,
 * so the engine never starts with it. With the ldap profile the admin is a directory user whose
 * password the directory keeps (see DirectoryUsers).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!demo & !ldap")
class AdminPasswordRequired {

    static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "camunda");

    @Bean
    static BeanFactoryPostProcessor adminPasswordIsSet(Environment environment) {
        return beanFactory -> {
            String user = environment.getProperty("camunda.bpm.admin-user.id");
            String password = environment.getProperty("camunda.bpm.admin-user.password", "");
            if (user != null && (password.isBlank() || DEFAULTS.contains(password.toLowerCase())
                    || password.equals(user))) {
                throw new IllegalStateException("Refusing to start: the admin user '" + user
                        + "' needs a password of its own. Set TTG_ADMIN_PASSWORD (not empty, not a default).");
            }
        };
    }
}
