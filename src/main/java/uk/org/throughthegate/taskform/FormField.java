package uk.org.throughthegate.taskform;

import java.util.List;

/**
 * One input of a Camunda Form, as far as checking a submission needs it.
 *
 * @param typedDate a date typed as text (custom property {@code dateFormat: dd/mm/yyyy}): Tasklist's
 *        own date picker reads what is typed month first, so dates are typed day first into a text
 *        field and turned into ISO dates on the server
 */
public record FormField(String key, String label, String type, boolean required, List<String> values, String pattern,
        boolean typedDate) {

    boolean isChoice() {
        return !values.isEmpty();
    }
}
