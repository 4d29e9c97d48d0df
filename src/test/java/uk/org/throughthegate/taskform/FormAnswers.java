package uk.org.throughthegate.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

/** Valid answers to a task's form, as a practitioner filling in only what is required would give. */
public final class FormAnswers {

    private FormAnswers() {
    }

    public static Map<String, Object> requiredFor(ProcessEngine engine, String taskId) {
        Map<String, Object> answers = new HashMap<>();
        try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
            for (FormField f : FormSchema.fields(form)) {
                if (!f.required()) {
                    continue;
                }
                // Dates typed day first, as in Tasklist: 4 January 2027.
                answers.put(f.key(), f.typedDate() ? "04/01/2027" : switch (f.type()) {
                    case "checkbox" -> true;
                    case "number" -> 1;
                    default -> f.isChoice() ? f.values().get(0) : "recorded";
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }
}
