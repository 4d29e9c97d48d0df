package uk.org.throughthegate.taskform;

import java.util.List;

/** One input of a Camunda Form, as far as checking a submission needs it. */
public record FormField(String key, String label, String type, boolean required, List<String> values, String pattern) {

    boolean isChoice() {
        return !values.isEmpty();
    }
}
