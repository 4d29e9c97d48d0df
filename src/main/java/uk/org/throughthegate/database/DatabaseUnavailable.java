package uk.org.throughthegate.database;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * While the database is away (restarted, failed over, unreachable) a request answers 503 with
 * Retry-After, at once (the pool waits 5 s for a connection, not 30), and says nothing was changed:
 * the request's transaction never began or was rolled back. Without this the engine REST API and
 * /api answer 500, which reads as "the service is broken" to a load balancer and to Tasklist.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseUnavailable implements ResourceConfigCustomizer {

    static final String MESSAGE = "The service's database is not answering; nothing was changed. Try again in a minute.";
    static final int RETRY_AFTER_SECONDS = 30;

    /** Whether the database not answering is what went wrong. */
    public static boolean in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            // SQL states of class 08 (connection exception) and 57P (the server shut down or is starting)
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The engine REST API's answer (JSON as its own errors are). */
    public static Response engineRestAnswer() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(Map.of("type", "DatabaseUnavailable", "message", MESSAGE)).build();
    }

    /**
     * Outside everything, logins included (checking a password reads the database): a failure
     * that reaches the container because the database is away answers 503 instead of 500.
     */
    @Bean
    static FilterRegistrationBean<Filter> databaseUnavailableAnswer() {
        Filter answer = (request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!in(e) || response.isCommitted() || !(response instanceof HttpServletResponse http)) {
                    throw e;
                }
                http.reset();
                http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                http.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
                http.setContentType("application/json");
                http.getWriter().write("{\"type\":\"DatabaseUnavailable\",\"message\":\"" + MESSAGE + "\"}");
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(answer);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        return registration;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(OnEngineException.class);
        config.register(OnAnyException.class);
    }

    /** The engine's own failures (a query whose connection broke). */
    @Priority(1)
    public static class OnEngineException implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return in(e) ? engineRestAnswer() : ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    /** Spring's, before the engine is reached (no connection for the transaction). */
    @Priority(1)
    public static class OnAnyException implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return in(e) ? engineRestAnswer() : ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }
}
