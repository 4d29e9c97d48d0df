package uk.org.throughthegate.enginerest;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;

import jakarta.ws.rs.ApplicationPath;

/**
 * The engine REST API ({@code /engine-rest}) as the Camunda starter registers it, with the two
 * engine roots replaced by ours ({@link FilterListInOneCommand}); the starter registers its own
 * only when no configuration of this type is given.
 */
@ApplicationPath("/engine-rest")
public class EngineRestResources extends CamundaJerseyResourceConfig {

    @Override
    public void afterPropertiesSet() {
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            if (resource == NamedProcessEngineRestServiceImpl.class) {
                register(FilterListInOneCommand.NamedEngine.class);
            } else if (resource == DefaultProcessEngineRestServiceImpl.class) {
                register(FilterListInOneCommand.DefaultEngine.class);
            } else {
                register(resource);
            }
        }
        registerClasses(CamundaRestResources.getConfigurationClasses());
        register(JacksonFeature.class);
    }
}
