package uk.org.throughthegate.refusal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
    private final boolean wordedByField;

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    protected InputRefused(String what, List<FieldError> errors, int code) {
        this(what, errors, what + " refused: " + String.join("; ", errors.stream().map(FieldError::toString).toList()), code, true);
    }

    /** @param message the whole message, for refusals whose field errors already read as sentences */
    protected InputRefused(String what, List<FieldError> errors, String message, int code) {
        this(what, errors, message, code, false);
    }

    private InputRefused(String what, List<FieldError> errors, String message, int code, boolean wordedByField) {
        super(message);
        setCode(code);
        this.what = what;
        this.errors = List.copyOf(errors);
        this.wordedByField = wordedByField;
    }

    /**
     * The refusal as a person reads it in Tasklist: each field by its label on the form, with its
     * name for whoever calls the API ("'Expected release date' (releaseDate) must be after ..."),
     * and dates as "10 November 2026", never a day-month order to guess.
     */
    public String messageForPeople(FieldLabels labels) {
        String message = !wordedByField ? getMessage()
                : what + " refused: " + String.join("; ", errors.stream().map(e -> {
                    String label = labels.labelOf(e.field());
                    return (label == null ? e.field() : "'" + label + "' (" + e.field() + ")") + " " + e.message();
                }).toList());
        return ISO_DATE.matcher(message).replaceAll(date -> {
            try {
                return LocalDate.parse(date.group(1)).format(UK_DATE);
            } catch (java.time.format.DateTimeParseException notADate) {
                return date.group(1);
            }
        });
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
