package uk.org.throughthegate.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.throughthegate.calendar.TypedDate;

/** Reads the inputs of a Camunda Form (.form JSON, form-js schema) that a submission must satisfy. */
public final class FormSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormSchema() {
    }

    public static List<FormField> fields(InputStream form) throws IOException {
        List<FormField> fields = new ArrayList<>();
        collect(JSON.readTree(form).path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, List<FormField> into) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                collect(c.path("components"), into);
            }
            String key = c.path("key").asText("");
            if (key.isEmpty()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            c.path("values").forEach(v -> values.add(v.path("value").asText()));
            String label = c.path("label").asText(c.path("dateLabel").asText(key));
            JsonNode validate = c.path("validate");
            into.add(new FormField(key, label, c.path("type").asText(), validate.path("required").asBoolean(false),
                    values, validate.path("pattern").asText(null),
                    TypedDate.UK_FORMAT.equals(c.path("properties").path("dateFormat").asText(null))));
        }
    }
}
