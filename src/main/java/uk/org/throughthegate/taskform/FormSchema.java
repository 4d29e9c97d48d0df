package uk.org.throughthegate.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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

    /**
     * The variables a form shows or asks: every field's key, and every name its templates
     * ({@code {{releaseDate}}}) and expressions ({@code =accommodationType = "temporary"}) refer to.
     * Read generously (any word of a template or expression counts): a word that is no variable
     * shows nothing.
     */
    public static Set<String> shownVariables(InputStream form) throws IOException {
        Set<String> names = new TreeSet<>();
        collectShown(JSON.readTree(form), names);
        return names;
    }

    private static void collectShown(JsonNode node, Set<String> into) {
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (field.getKey().equals("key") && value.isTextual()) {
                into.add(value.asText());
            } else if (value.isTextual()) {
                String text = value.asText();
                var templates = TEMPLATE.matcher(text);
                while (templates.find()) {
                    words(templates.group(1), into);
                }
                if (text.startsWith("=")) {
                    words(text.substring(1), into);
                }
            }
        });
        node.elements().forEachRemaining(child -> collectShown(child, into));
    }

    private static void words(String expression, Set<String> into) {
        var words = WORD.matcher(expression);
        while (words.find()) {
            into.add(words.group());
        }
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
