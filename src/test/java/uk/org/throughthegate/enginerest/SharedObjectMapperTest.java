package uk.org.throughthegate.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One JSON mapper for every request, configured as the engine configures its own. */
class SharedObjectMapperTest {

    @Test
    void everyRequestGetsTheSameMapperWritingAsTheEnginesDoes() throws Exception {
        SharedObjectMapper resolver = new SharedObjectMapper();
        ObjectMapper shared = resolver.getContext(TaskQueryDto.class);
        assertThat(resolver.getContext(Object.class)).as("shared, so its caches are kept").isSameAs(shared);

        ObjectMapper engines = new JacksonConfigurator().getContext(Object.class);
        Map<String, Object> value = Map.of("due", new Date(1_796_000_000_000L), "name", "Record consent");
        assertThat(shared.writeValueAsString(value)).isEqualTo(engines.writeValueAsString(value));
        String query = "{\"candidateGroup\":\"yot-lewisham\",\"dueAfter\":\"2026-12-06T00:00:00.000+0000\"}";
        assertThat(shared.readValue(query, TaskQueryDto.class).getDueAfter())
                .isEqualTo(engines.readValue(query, TaskQueryDto.class).getDueAfter());
    }
}
