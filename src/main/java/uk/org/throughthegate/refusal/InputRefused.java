package uk.org.throughthegate.refusal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a journey step refuses, with every wrong field named. Thrown inside the engine's
 * transaction, so nothing of the refused input is kept. A person's mistake, not a fault: as a
 * {@link BadUserRequestException} the engine REST API answers it with 400 and the engine logs it at
 * DEBUG, and our own endpoints answer 400 too (RefusedInputAnswer).
 */
public abstract class InputRefused extends BadUserRequestException {

    private final String what;
    private final List<FieldError> errors;
    private String caseReference;
    private final AtomicBoolean logged = new AtomicBoolean();

    protected InputRefused(String what, List<FieldError> errors, int code) {
        this(what, errors, what + " refused: " + String.join("; ", errors.stream().map(FieldError::toString).toList()), code);
    }

    /** @param message the whole message, for refusals whose field errors already read as sentences */
    protected InputRefused(String what, List<FieldError> errors, String message, int code) {
        super(message);
        setCode(code);
        this.what = what;
        this.errors = List.copyOf(errors);
    }

    /** The case the refused input was about, as given (it may itself be what was refused). */
    public InputRefused forCase(Object caseReference) {
        this.caseReference = caseReference instanceof String reference ? reference : null;
        return this;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** What was refused, in words: "Custody entry", "Completion of 'Record consent'". */
    public String what() {
        return what;
    }

    public String caseReference() {
        return caseReference;
    }

    /** True the first time only: a refusal is logged once, however many layers it passes. */
    boolean firstToLog() {
        return logged.compareAndSet(false, true);
    }

    /** One wrong field and what is wrong with it, e.g. "releaseDate is in the past". */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + " " + message;
        }
    }
}
