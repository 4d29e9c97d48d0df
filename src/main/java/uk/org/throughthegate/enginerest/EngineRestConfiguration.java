package uk.org.throughthegate.enginerest;

import java.time.Duration;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.AuthorizationService;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Two costs the engine REST API pays on every request that no answer depends on: a new JSON mapper
 * for every response ({@link SharedObjectMapper}; in Tasklist's own API too, {@link WebappEngineApi})
 * and a search of every jar for how to find the process engine ({@link RememberedServiceFiles});
 * the process definitions of a Tasklist list, the same for every user ({@link EveryonesDefinitions});
 * and a filter's list in one command ({@link FilterListInOneCommand}, {@link EngineRestResources}).
 */
@Configuration
class EngineRestConfiguration implements ResourceConfigCustomizer {

    /** The webapp's name for its engine API servlet. */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Override
    public void customize(ResourceConfig config) {
        config.register(SharedObjectMapper.class);
    }

    @Bean
    EngineRestResources engineRestResources() {
        return new EngineRestResources();
    }

    @Bean(initMethod = "register", destroyMethod = "unregister")
    EveryonesDefinitions everyonesDefinitions(AuthorizationService authorizations,
            @Value("${ttg.tasklist.definition-cache:60s}") Duration keep) {
        return new EveryonesDefinitions(authorizations, keep);
    }

    /**
     * Registered under the name the Camunda webapp gives it, before the webapp's initializer runs,
     * which then leaves it alone (it registers a servlet only if none of that name is there).
     */
    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApi(
            @Value("${camunda.bpm.webapp.application-path}") String webapp) {
        var registration = new ServletRegistrationBean<>(new ServletContainer(), webapp + "/api/engine/*");
        registration.setName(WEBAPP_ENGINE_API);
        registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApi.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Around the engine's authentication filter, which looks the engine up too; and around the
     * engine API that Tasklist and Cockpit call in the browser ({@code /camunda/api/engine}), made
     * of the same REST classes.
     */
    @Bean
    static FilterRegistrationBean<Filter> rememberedServiceFiles() {
        Filter remembering = (request, response, chain) -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(RememberedServiceFiles.around(before));
            try {
                chain.doFilter(request, response);
            } finally {
                thread.setContextClassLoader(before);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(remembering);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        return registration;
    }
}
