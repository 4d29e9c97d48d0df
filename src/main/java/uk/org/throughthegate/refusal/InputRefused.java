package uk.org.throughthegate.refusal;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input a journey step refuses, with every wrong field named. Thrown inside the engine's
 * transaction, so nothing of the refused input is kept; REST answers it with 400.
 */
public abstract class InputRefused extends ProcessEngineException {

    private final List<FieldError> errors;

    protected InputRefused(String what, List<FieldError> errors, int code) {
        super(what + " refused: " + String.join("; ", errors.stream().map(FieldError::toString).toList()), code);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One wrong field and what is wrong with it, e.g. "releaseDate is in the past". */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + " " + message;
        }
    }
}
