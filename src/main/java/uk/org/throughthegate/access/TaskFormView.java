package uk.org.throughthegate.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.taskform.CamundaForms;
import uk.org.throughthegate.taskform.FormSchema;

/**
 * Someone who works a task of a case they may not read (a provider holding a referral) sees of the
 * case what the task's form shows, and nothing else: a provider needs the case reference, the dates
 * that bind its work and its own pathway's facts, not the child's date of birth or another
 * pathway's needs.
 * <p>
 * The engine hands whoever may read a task every variable of its process instance (task variables,
 * form variables, and those returned by a completion). Here, before such a read, the reader's
 * right to the case is asked as the engine asks it (READ on the process instance, or READ_INSTANCE
 * on its definition); without it, the answer keeps only the variables the task's Camunda Form
 * names (its fields' keys and the names in its templates), plus the Tasklist columns. The form is
 * the model's, so a process owner decides in the Modeler what a referral shows. The case's teams
 * and administrators read as before; so does the engine itself (a listener or delegate reading a
 * task's variables inside another command).
 */
@Component
class TaskFormView extends AbstractProcessEnginePlugin {

    private static final Map<Class<?>, Field> TASK_ID = taskIdFields();
    private static final Map<Class<?>, Field> VARIABLE_NAME = Map.of(
            GetTaskVariableCmd.class, field(GetTaskVariableCmd.class, "variableName"),
            GetTaskVariableCmdTyped.class, field(GetTaskVariableCmdTyped.class, "variableName"));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new ShowWhatTheFormShows());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static class ShowWhatTheFormShows extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            Field taskIdField = TASK_ID.get(command.getClass());
            // Only what a person asks: inside another command, the engine reads for itself.
            if (taskIdField == null || Context.getCommandContext() != null) {
                return next.execute(command);
            }
            String taskId = read(taskIdField, command);
            Set<String> shown = taskId == null ? null : next.execute(context -> shownTo(context, taskId));
            T answer = next.execute(command);
            return shown == null ? answer : only(answer, shown, command);
        }

        @SuppressWarnings("unchecked")
        private static <T> T only(T answer, Set<String> shown, Command<T> command) {
            if (answer instanceof VariableMap variables) {
                VariableMap kept = Variables.createVariables();
                variables.keySet().stream().filter(shown::contains)
                        .forEach(name -> kept.putValueTyped(name, variables.getValueTyped(name)));
                return (T) kept;
            }
            Field nameField = VARIABLE_NAME.get(command.getClass());
            String name = nameField == null ? null : read(nameField, command);
            return name != null && !shown.contains(name) ? null : answer;
        }
    }

    /** The variables the current person may see through the task; null for all of them. */
    static Set<String> shownTo(CommandContext context, String taskId) {
        var authorizations = context.getAuthorizationManager();
        var person = context.getAuthentication();
        if (!context.getProcessEngineConfiguration().isAuthorizationEnabled() || !context.isAuthorizationCheckEnabled()
                || person == null || authorizations.isCamundaAdmin(person)) {
            return null;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessInstanceId() == null) {
            return null; // the command itself answers "no such task"
        }
        if (authorizations.isAuthorized(Permissions.READ, Resources.PROCESS_INSTANCE, task.getProcessInstanceId())
                || authorizations.isAuthorized(Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
                        task.getProcessDefinition().getKey())) {
            return null;
        }
        Set<String> shown = new HashSet<>();
        CaseAccess.TASKLIST_COLUMNS.forEach(column -> shown.add(column.variable()));
        if (CamundaForms.hasCamundaForm(task.getBpmnModelElementInstance())) {
            try (InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context)) {
                shown.addAll(FormSchema.shownVariables(form));
            } catch (IOException e) {
                throw new UncheckedIOException("the form of task " + task.getTaskDefinitionKey() + " cannot be read", e);
            }
        }
        return shown;
    }

    /** The engine's commands that answer a task's variables, and where each keeps the task's id. */
    private static Map<Class<?>, Field> taskIdFields() {
        return Map.of(
                GetTaskVariablesCmd.class, field(GetTaskVariablesCmd.class, "taskId"),
                GetTaskVariableCmd.class, field(GetTaskVariableCmd.class, "taskId"),
                GetTaskVariableCmdTyped.class, field(GetTaskVariableCmdTyped.class, "taskId"),
                GetTaskFormVariablesCmd.class, field(AbstractGetFormVariablesCmd.class, "resourceId"),
                CompleteTaskCmd.class, field(CompleteTaskCmd.class, "taskId"),
                SubmitTaskFormCmd.class, field(SubmitTaskFormCmd.class, "taskId"));
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // a newer engine renamed it: refuse to start rather than show a case's every variable
            throw new IllegalStateException(type.getSimpleName() + " no longer has " + name + ": TaskFormView must be adapted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> V read(Field field, Object command) {
        try {
            return (V) field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
