package uk.org.throughthegate.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.refusal.FieldLabels;

/**
 * Field labels from the Camunda Forms in {@code forms/}, read once at start-up: the first form that
 * shows a field names it ("Expected release date", without the "(dd/mm/yyyy)" typing hint).
 */
@Component
class FormFieldLabels implements FieldLabels {

    private final Map<String, String> labels = new HashMap<>();

    FormFieldLabels() {
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    for (FormField field : FormSchema.fields(in)) {
                        if (field.label() != null && !field.label().isBlank()) {
                            labels.putIfAbsent(field.key(), field.label().replaceFirst("\\s*\\(dd/mm/yyyy\\)\\s*$", "").trim());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms in forms/", e);
        }
    }

    @Override
    public String labelOf(String field) {
        return labels.get(field);
    }
}
