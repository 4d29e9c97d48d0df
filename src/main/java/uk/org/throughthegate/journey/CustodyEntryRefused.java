package uk.org.throughthegate.journey;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A custody entry with missing or wrong facts. Thrown inside the engine's start transaction, so no
 * journey is created; the message names every field that is wrong.
 */
public class CustodyEntryRefused extends ProcessEngineException {

    /** Error code reported by the REST API (custom codes start at 20000). */
    public static final int CODE = 22001;

    private final List<FieldError> errors;

    public CustodyEntryRefused(List<FieldError> errors) {
        super("Custody entry refused: " + String.join("; ", errors.stream().map(FieldError::toString).toList()), CODE);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + " " + message;
        }
    }
}
