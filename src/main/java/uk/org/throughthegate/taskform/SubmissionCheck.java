package uk.org.throughthegate.taskform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import uk.org.throughthegate.refusal.InputRefused.FieldError;

import uk.org.throughthegate.calendar.TypedDate;

/**
 * Checks what a task's completion or a process start carries against its form: required inputs
 * given (a required checkbox ticked), choices among the form's values, patterns matched, typed
 * dates real dates. The same rules Tasklist applies in the browser, applied again for every other
 * client.
 */
public final class SubmissionCheck {

    private SubmissionCheck() {
    }

    public static List<FieldError> problems(List<FormField> fields, Map<String, Object> submitted) {
        List<FieldError> problems = new ArrayList<>();
        for (FormField f : fields) {
            Object value = submitted.get(f.key());
            boolean empty = value == null || value.toString().isBlank();
            if (f.required() && (empty || ("checkbox".equals(f.type()) && !Boolean.TRUE.equals(value)))) {
                problems.add(new FieldError(f.key(), "'" + f.label() + "' (" + f.key() + ") is required"));
                continue;
            }
            if (empty) {
                continue;
            }
            if (f.typedDate()) {
                try {
                    TypedDate.parse(value.toString());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldError(f.key(), "'" + f.label() + "' (" + f.key() + ") " + e.getMessage()));
                }
            } else if (f.isChoice() && !f.values().contains(value.toString())) {
                problems.add(new FieldError(f.key(), "'" + f.label() + "' (" + f.key() + ") cannot be '" + value + "'; it is one of "
                        + String.join(", ", f.values())));
            } else if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(value.toString()).find()) {
                problems.add(new FieldError(f.key(), "'" + f.label() + "' (" + f.key() + ") '" + value + "' is not in the expected form"));
            }
        }
        return problems;
    }

    /**
     * The typed dates of a submission that {@link #problems} accepted, as the ISO dates
     * ({@code 2026-11-23}) the journey keeps: what was typed day first is stored unambiguously.
     */
    public static Map<String, String> isoDates(List<FormField> fields, Map<String, Object> submitted) {
        Map<String, String> iso = new LinkedHashMap<>();
        for (FormField f : fields) {
            Object value = submitted.get(f.key());
            if (f.typedDate() && value != null && !value.toString().isBlank()) {
                iso.put(f.key(), TypedDate.parse(value.toString()).toString());
            }
        }
        return iso;
    }
}
