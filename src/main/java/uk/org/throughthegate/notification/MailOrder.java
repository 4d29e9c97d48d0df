package uk.org.throughthegate.notification;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * Mails reach a person in the order they were queued, also after the mail server was down: then each
 * mail's job comes back on its own retry schedule, so without this a later mail could arrive before
 * an earlier one ("task done" before "new task"). A mail waits while an earlier mail to the same
 * address failed and waits for its next try, unless that one is stuck in an incident (a bad address
 * must not hold back the rest).
 *
 * <p>The look-up walks the queued mails ({@code send-mail} instances still running): a handful
 * normally, as many as are waiting after an outage.
 */
@Component
class MailOrder {

    static final String WAIT = "Timer_WaitForEarlierMail";
    static final String SEND = "Task_SendMail";

    private static final AtomicInteger SAME_MILLISECOND = new AtomicInteger();

    private final RuntimeService runtime;

    MailOrder(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * The ordering number of a mail queued now: the engine clock in milliseconds, times a thousand,
     * plus a counter, so two mails queued in the same millisecond on one node keep their order.
     */
    static long queuedNow() {
        return ClockUtil.getCurrentTime().getTime() * 1000 + Math.floorMod(SAME_MILLISECOND.getAndIncrement(), 1000);
    }

    /**
     * Whether a mail to {@code to} queued before {@code queuedAt} could not be sent and is waiting for
     * its next try. Mails merely queued at about the same time go as the job executor takes them
     * (seconds apart, and a person's mail client sorts them); holding each behind the other would send
     * a person's mails one job-acquisition cycle apart.
     */
    boolean earlierMailWaiting(String to, Object queuedAt, ManagementService management) {
        if (to == null || !(queuedAt instanceof Long mine)) {
            return false; // queued before mails were ordered
        }
        if (!anyJobAt(SEND, true, management)) {
            return false; // the usual case, one indexed count: nothing to keep in order
        }
        for (ProcessInstance earlier : earlier(to, mine).list()) {
            Job sending = management.createJobQuery().processInstanceId(earlier.getId()).activityId(SEND).singleResult();
            if (sending != null && sending.getExceptionMessage() != null && sending.getRetries() > 0) {
                return true; // failed, to be tried again; with no retries left it is an incident and holds nobody back
            }
        }
        return false;
    }

    /**
     * A mail to {@code to} has gone: the mails to the same person waiting for it look again now, not
     * up to a minute later.
     */
    void wakeWaitingFor(String to, ManagementService management) {
        if (to == null || !anyJobAt(WAIT, false, management)) {
            return; // nobody waits
        }
        for (ProcessInstance waiting : runtime.createProcessInstanceQuery().processDefinitionKey(SendMailProcess.KEY)
                .activityIdIn(WAIT).variableValueEquals(SendMailProcess.TO, to).list()) {
            for (Job timer : management.createJobQuery().processInstanceId(waiting.getId()).activityId(WAIT).list()) {
                management.setJobDuedate(timer.getId(), ClockUtil.getCurrentTime());
            }
        }
    }

    /**
     * Whether any mail has a job at {@code activity} (only failed ones with retries left, when
     * {@code failed}). Asked through the activity's job definitions (ACT_RU_JOB is indexed by job
     * definition), so it reads the mail jobs only, not every timer of every journey.
     */
    private static boolean anyJobAt(String activity, boolean failed, ManagementService management) {
        for (JobDefinition definition : management.createJobDefinitionQuery().processDefinitionKey(SendMailProcess.KEY)
                .activityIdIn(activity).list()) {
            var jobs = management.createJobQuery().jobDefinitionId(definition.getId());
            if ((failed ? jobs.withException().withRetriesLeft() : jobs).count() > 0) {
                return true;
            }
        }
        return false;
    }

    private ProcessInstanceQuery earlier(String to, long queuedAt) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SendMailProcess.KEY)
                .variableValueEquals(SendMailProcess.TO, to)
                .variableValueLessThan(SendMailProcess.QUEUED_AT, queuedAt);
    }
}
