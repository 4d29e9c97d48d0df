package uk.org.throughthegate.access;

import java.time.Duration;

import jakarta.servlet.FilterConfig;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API and ours require HTTP Basic credentials checked against the engine's
 * identity service, as Camunda Run does. The filter also tells the engine who is asking, so
 * Camunda's authorizations apply to every REST call: no credentials, 401; another team's case,
 * refused or not listed. A login the engine accepted is remembered for a short while
 * ({@link RememberedRestLogins}).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(IdentityChanges changes,
            @Value("${ttg.rest.remember-logins:60s}") Duration keep,
            @Value("${ttg.rest.remembered-logins-at-most:10000}") long most) {
        RememberedRestLogins logins = new RememberedRestLogins(changes, keep, most);
        // The engine's filter makes its provider from a class name; this one needs the changes it watches.
        var filter = new ProcessEngineAuthenticationFilter() {
            @Override
            public void init(FilterConfig config) {
                authenticationProvider = logins;
                servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
            }
        };
        var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(filter);
        registration.setName("through-the-gate-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        return registration;
    }
}
