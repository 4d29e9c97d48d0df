package uk.org.throughthegate.access;

import java.time.Duration;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API and ours require HTTP Basic credentials checked against the engine's
 * identity service, as Camunda Run does. The filter also tells the engine who is asking, so
 * Camunda's authorizations apply to every REST call: no credentials, 401; another team's case,
 * refused or not listed. A success is remembered for {@code ttg.access.rest-login-memory} (see
 * RememberedLogins; 0 checks every call).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(
            @Value("${ttg.access.rest-login-memory:30s}") Duration loginMemory) {
        var provider = new RememberingBasicAuthentication(new RememberedLogins(loginMemory, System::nanoTime));
        var filter = new ProcessEngineAuthenticationFilter() {
            @Override
            public void init(FilterConfig config) throws ServletException {
                // The filter makes its provider from a class name, with no way to give it state.
                super.init(config);
                authenticationProvider = provider;
            }
        };
        var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(filter);
        registration.setName("through-the-gate-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        return registration;
    }
}
