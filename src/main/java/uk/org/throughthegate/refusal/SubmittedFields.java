package uk.org.throughthegate.refusal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import uk.org.throughthegate.calendar.TypedDate;
import uk.org.throughthegate.refusal.InputRefused.FieldError;

/**
 * The fields of one submitted request (a start form, a REST body, a message's variables), read the
 * same way wherever input is checked: blank is missing, dates are typed the UK way or ISO, and
 * every wrong field is collected so that a refusal names them all at once.
 */
public final class SubmittedFields {

    private final Map<String, ?> values;
    private final ZoneId zone;
    private final List<FieldError> errors = new ArrayList<>();

    /** @param zone the case time zone, for dates that arrive as instants (a Java caller's {@link Date}) */
    public SubmittedFields(Map<String, ?> values, ZoneId zone) {
        this.values = values;
        this.zone = zone;
    }

    public boolean isBlank(String field) {
        Object value = values.get(field);
        return value == null || value.toString().isBlank();
    }

    public Object raw(String field) {
        return values.get(field);
    }

    /** @return the trimmed text, or null (and the field refused) when blank or not text at all (a number, a list, true) */
    public String text(String field) {
        if (isBlank(field)) {
            refuse(field, "is required");
            return null;
        }
        if (!(values.get(field) instanceof CharSequence text)) {
            refuse(field, "must be text");
            return null;
        }
        return text.toString().trim();
    }

    /** @return the trimmed text, or null when blank */
    public String optionalText(String field) {
        return isBlank(field) ? null : values.get(field).toString().trim();
    }

    /** @return the date, or null (and the field refused) when blank or not a real date */
    public LocalDate date(String field) {
        if (isBlank(field)) {
            refuse(field, "is required");
            return null;
        }
        return optionalDate(field);
    }

    /** @return the date, null when blank, or null (and the field refused) when not a real date */
    public LocalDate optionalDate(String field) {
        if (isBlank(field)) {
            return null;
        }
        Object value = values.get(field);
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value instanceof Date instant) {
            return instant.toInstant().atZone(zone).toLocalDate();
        }
        try {
            return TypedDate.parse(value.toString());
        } catch (IllegalArgumentException e) {
            refuse(field, e.getMessage());
            return null;
        }
    }

    public void refuse(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean refused() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
