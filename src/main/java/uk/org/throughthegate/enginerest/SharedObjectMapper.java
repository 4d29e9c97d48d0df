package uk.org.throughthegate.enginerest;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The engine REST API's JSON mapper, configured once. The engine's own resolver
 * ({@link JacksonConfigurator}) makes a new mapper every time one is asked for: for every response
 * it writes and every filter query it reads, so Jackson's caches start empty each time and it works
 * out again how to read a task query (some hundred properties) and write a task. Configured the
 * same way, by the engine's own method; a configured mapper is safe to share between threads, and
 * nothing in the REST API changes its configuration after it is made. Asked first
 * ({@code @Priority(1)}), before the engine's.
 */
@Priority(1)
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
public class SharedObjectMapper implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}
