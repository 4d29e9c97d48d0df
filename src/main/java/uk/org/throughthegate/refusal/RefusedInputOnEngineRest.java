package uk.org.throughthegate.refusal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import uk.org.throughthegate.database.DatabaseUnavailable;

/**
 * The engine REST API wraps whatever a start or a completion throws into a 500 "Cannot instantiate
 * process definition ...:1:f3aa...: ..." (its resources catch every engine exception). A refusal is
 * a person's mistake: this answers it 400 with our own message (each field by its label on the
 * form, dates spelt out, no internal ids), its code and the field errors; anything else is answered
 * as the engine would.
 *
 * <p>Tasklist and Cockpit do not call {@code /engine-rest} but the webapps' own copy of the engine
 * API ({@code /camunda/api/engine}, a JAX-RS application the Camunda starter hands to Jersey by
 * class name), so the mapper joins every Jersey application of the service through Jersey's
 * {@link ForcedAutoDiscoverable} (named in {@code META-INF/services}). Jersey creates it, hence the
 * labels in a static.
 */
@Component
class RefusedInputOnEngineRest {

    private static volatile FieldLabels labels = FieldLabels.NONE;

    RefusedInputOnEngineRest(FieldLabels formLabels) {
        labels = formLabels;
    }

    /** Adds the mapper to each Jersey application as it is built (Jersey's own SPI). */
    public static class EveryApplication implements ForcedAutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(Mapper.class)) {
                context.register(Mapper.class);
            }
        }
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
            body.put("message", refused.messageForPeople(labels));
            body.put("code", refused.getCode());
            body.put("errors", refused.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }
}
