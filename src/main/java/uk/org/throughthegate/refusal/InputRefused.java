package uk.org.throughthegate.refusal;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a journey step refuses, with every wrong field named. Thrown inside the engine's
 * transaction, so nothing of the refused input is kept. A person's mistake, not a fault: as a
 * {@link BadUserRequestException} the engine REST API answers it with 400 and the engine logs it at
 * DEBUG, and our own endpoints answer 400 too (RefusedInputAnswer).
 */
public abstract class InputRefused extends BadUserRequestException {

    private final List<FieldError> errors;

    protected InputRefused(String what, List<FieldError> errors, int code) {
        this(errors, what + " refused: " + String.join("; ", errors.stream().map(FieldError::toString).toList()), code);
    }

    /** @param message the whole message, for refusals whose field errors already read as sentences */
    protected InputRefused(List<FieldError> errors, String message, int code) {
        super(message);
        setCode(code);
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
