package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import uk.org.throughthegate.notification.DeadlineEscalationProcess;
import uk.org.throughthegate.taskform.FormAnswers;

/** Test vocabulary for a journey: a case's custody entry, its tasks and its timers. */
public final class JourneyScenario {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private JourneyScenario() {
    }

    /** A Lewisham child in Feltham on an 8-month DTO sentenced on Friday 18 December 2026. */
    public static Map<String, Object> lewishamCase(String reference) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseReference", reference);
        v.put("dateOfBirth", "2010-05-05");
        v.put("sentenceType", "DTO");
        v.put("sentenceLengthMonths", 8);
        v.put("sentenceDate", "2026-12-18");
        v.put("releaseDate", "2027-04-01");
        v.put("homeYot", "lewisham");
        v.put("establishment", "feltham");
        return v;
    }

    public static ProcessInstance start(ProcessEngine engine, Map<String, Object> variables) {
        return engine.getRuntimeService().startProcessInstanceByKey(JourneyProcess.KEY, variables);
    }

    /** A ROTL request for the case, escorted by a YOT worker at 09:30. */
    public static ProcessInstance requestRotl(ProcessEngine engine, String reference, String purpose, String date) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseReference", reference);
        v.put("purpose", purpose);
        v.put("proposedDate", date);
        v.put("proposedTime", "09:30");
        v.put("destination", "Lewisham college");
        v.put("escort", "yot-worker");
        return engine.getRuntimeService().startProcessInstanceByKey("rotl-request", v);
    }

    public static Task task(ProcessEngine engine, ProcessInstance journey, String taskDefinitionKey) {
        Task t = engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(t).as("open task %s", taskDefinitionKey).isNotNull();
        return t;
    }

    /**
     * Completes a task as its team would in Tasklist: every required field of its form answered,
     * with the given answers (key, value, key, value...) where the scenario cares.
     */
    public static void complete(ProcessEngine engine, ProcessInstance journey, String taskDefinitionKey,
            Object... keyValues) {
        String taskId = task(engine, journey, taskDefinitionKey).getId();
        Map<String, Object> vars = FormAnswers.requiredFor(engine, taskId);
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put((String) keyValues[i], keyValues[i + 1]);
        }
        engine.getTaskService().complete(taskId, vars);
    }

    public static Job timer(ProcessEngine engine, ProcessInstance journey, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
                .activityId(activityId).singleResult();
        assertThat(job).as("timer %s", activityId).isNotNull();
        return job;
    }

    /** Fires a timer as the job executor would when its time comes. */
    public static void fire(ProcessEngine engine, ProcessInstance journey, String activityId) {
        engine.getManagementService().executeJob(timer(engine, journey, activityId).getId());
    }

    /**
     * Lets a journey's task go unanswered until its escalation ladder reaches the project managers
     * (reminder, YOT manager, project manager), firing the ladder's timers as the job executor would.
     * Returns the ladder (the deadline-escalation instance watching the task).
     */
    public static ProcessInstance lateToProjectManagers(ProcessEngine engine, ProcessInstance journey, String taskKey) {
        ProcessInstance watch = reminderDue(engine, task(engine, journey, taskKey).getId());
        fire(engine, watch, "Timer_ReminderDue");
        fire(engine, watch, "Timer_OverdueForYotManager");
        fire(engine, watch, "Timer_OverdueForProjectManager");
        return watch;
    }

    /**
     * The timer a task with a due date holds until its reminder is due, when it starts the task's
     * watch; null once the watch has started, or for a task without a due date.
     */
    public static Job watchStartTimer(ProcessEngine engine, String taskId) {
        List<JobEntity> timers = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.getJobManager()
                        .findJobsByConfiguration(DeadlineEscalationProcess.WATCH_START_TIMER, taskId, null));
        assertThat(timers).as("at most one timer for task %s", taskId).hasSizeLessThanOrEqualTo(1);
        return timers.isEmpty() ? null : timers.get(0);
    }

    /**
     * A task's reminder comes due: its timer fires, as the job executor would on its day, and starts
     * the task's watch, which is returned (its own first timer, the reminder, is then due).
     */
    public static ProcessInstance reminderDue(ProcessEngine engine, String taskId) {
        Job timer = watchStartTimer(engine, taskId);
        assertThat(timer).as("the timer of task %s", taskId).isNotNull();
        engine.getManagementService().executeJob(timer.getId());
        String watch = (String) engine.getTaskService().getVariableLocal(taskId, DeadlineEscalationProcess.WATCH_ID);
        assertThat(watch).as("the watch of task %s", taskId).isNotNull();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(watch).singleResult();
    }

    public static Date at(String isoDateTime) {
        return Date.from(LocalDateTime.parse(isoDateTime).atZone(LONDON).toInstant());
    }

    /** 17:00 London time: the end of the working day a task is due. */
    public static Date endOfDay(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atTime(17, 0).atZone(LONDON).toInstant());
    }

    public static Date startOfDay(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atStartOfDay(LONDON).toInstant());
    }
}
