package uk.org.throughthegate.taskform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The fields of the Camunda Form a task shows, read once per deployed form. A deployed form never
 * changes: a new version of it is a new form definition, with an id of its own. Which definition a
 * task's form means ("latest", the same deployment, or a version) is still asked on every completion,
 * as the engine asks it when Tasklist shows the form, so a form the process owner deploys applies at
 * once, also to tasks opened before it.
 * <p>
 * Before, every completion read the form's JSON from the deployment (the engine's form look-up, then
 * its resource) and parsed it again.
 */
@Component
class DeployedFormFields {

    /** A deployment holds about forty forms; a service that deployed a hundred times is still small. */
    private static final int REMEMBERED = 5_000;

    private final Map<String, List<FormField>> byForm = new ConcurrentHashMap<>();

    List<FormField> of(DelegateTask task) {
        DeployedForm form = deployedForm(task);
        if (form == null) {
            return read(task); // the engine's own look-up says what is wrong (no such form)
        }
        List<FormField> known = byForm.get(form.id());
        if (known == null) {
            known = read(task, form);
            if (byForm.size() >= REMEMBERED) {
                byForm.clear();
            }
            byForm.put(form.id(), known);
        }
        return known;
    }

    /** The deployed form a task's model points at, as the engine resolves it; null if there is none. */
    private static DeployedForm deployedForm(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || entity.getProcessDefinition() == null) {
            return null;
        }
        entity.initializeFormKey();
        String deployment = entity.getProcessDefinition().getDeploymentId();
        var ref = entity.getCamundaFormRef();
        if (ref == null) {
            String formKey = entity.getFormKey(); // camunda-forms:deployment:NAME, a file of the process's deployment
            for (String prefix : CamundaForms.FORM_KEY_PREFIXES) {
                if (formKey != null && formKey.startsWith(prefix + "deployment:")) {
                    String file = formKey.substring((prefix + "deployment:").length());
                    return new DeployedForm(deployment + "/" + file, deployment, file);
                }
            }
            return null;
        }
        var forms = Context.getCommandContext().getCamundaFormDefinitionManager();
        var definition = switch (ref.getBinding()) {
            case "latest" -> forms.findLatestDefinitionByKey(ref.getKey());
            case "deployment" -> forms.findDefinitionByDeploymentAndKey(deployment, ref.getKey());
            case "version" -> forms.findDefinitionByKeyVersionAndTenantId(ref.getKey(), ref.getVersion(), null);
            default -> null;
        };
        return definition == null ? null
                : new DeployedForm(definition.getId(), definition.getDeploymentId(), definition.getResourceName());
    }

    private static List<FormField> read(DelegateTask task, DeployedForm form) {
        return fields(task, task.getProcessEngineServices().getRepositoryService()
                .getResourceAsStream(form.deploymentId(), form.resourceName()));
    }

    private static List<FormField> read(DelegateTask task) {
        return fields(task, task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()));
    }

    private static List<FormField> fields(DelegateTask task, InputStream form) {
        try (InputStream in = form) {
            return List.copyOf(FormSchema.fields(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the form of task " + task.getTaskDefinitionKey() + " cannot be read", e);
        }
    }

    /** A deployed form: its definition's id (or its deployment and file), and where its JSON is. */
    private record DeployedForm(String id, String deploymentId, String resourceName) {
    }
}
