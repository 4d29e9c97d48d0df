package uk.org.throughthegate.refusal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import uk.org.throughthegate.database.DatabaseUnavailable;

/**
 * The engine REST API wraps whatever a start or a completion throws into a 500 "Cannot instantiate
 * process definition ...:1:f3aa...: ..." (its resources catch every engine exception). A refusal is
 * a person's mistake: this answers it 400 with our own message (field named, no internal ids), its
 * code and the field errors, as /api does; anything else is answered as the engine would.
 */
@Component
class RefusedInputOnEngineRest implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    @Priority(1)
    public static class Mapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            InputRefused refused = ClientMistake.refusalIn(exception);
            NullValueException missing = ClientMistake.unknownIdIn(exception);
            if (refused == null && missing != null) {
                // e.g. completing a task id that does not exist: the engine answers 500 "task is null"
                return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "NotFound", "message", missing.getMessage())).build();
            }
            if (refused == null && DatabaseUnavailable.in(exception)) {
                return DatabaseUnavailable.engineRestAnswer();
            }
            if (refused == null) {
                return ExceptionHandlerHelper.getInstance().getResponse(exception);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", refused.getClass().getSimpleName());
            body.put("message", refused.getMessage());
            body.put("code", refused.getCode());
            body.put("errors", refused.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }
}
