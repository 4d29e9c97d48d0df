package uk.org.throughthegate.notification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.database.EngineTableName;

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
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final String table;
    private volatile Definitions definitions;

    MailOrder(RuntimeService runtime, ManagementService management, JdbcTemplate jdbc, ProcessEngineConfiguration configuration) {
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.table = EngineTableName.of(configuration, "ACT_RU_JOB");
    }

    /**
     * The ordering number of a mail queued now: the engine clock in milliseconds, times a thousand,
     * plus a counter, so two mails queued in the same millisecond on one node keep their order.
     */
    static long queuedNow() {
        return ClockUtil.getCurrentTime().getTime() * 1000 + Math.floorMod(SAME_MILLISECOND.getAndIncrement(), 1000);
    }

    /**
     * What the queue of mails looks like, asked once before a mail is sent: whether any mail failed
     * and waits for its next try, and whether any mail waits behind another. One indexed look-up of
     * the mail jobs (ACT_RU_JOB by job definition): the usual answer is "neither", and then a mail
     * goes without any look-up by address. Four engine queries (two job-definition lists, two job
     * counts) asked this before; they were half of the sending step's time.
     */
    Queue look(String processDefinitionId) {
        Definitions definitions = definitions(processDefinitionId);
        List<String> all = new ArrayList<>(definitions.send());
        all.addAll(definitions.waitFor());
        if (all.isEmpty()) {
            return new Queue(false, false);
        }
        List<Object> args = new ArrayList<>(definitions.send());
        args.addAll(definitions.waitFor());
        args.addAll(all);
        return jdbc.queryForObject("select"
                + " count(case when J.JOB_DEF_ID_ in (" + placeholders(definitions.send()) + ")"
                + " and J.EXCEPTION_MSG_ is not null and J.RETRIES_ > 0 then 1 end),"
                + " count(case when J.JOB_DEF_ID_ in (" + placeholders(definitions.waitFor()) + ") then 1 end)"
                + " from " + table + " J where J.JOB_DEF_ID_ in (" + placeholders(all) + ")",
                (row, n) -> new Queue(row.getLong(1) > 0, row.getLong(2) > 0), args.toArray());
    }

    /** "?, ?" for each id; "null" (matching nothing) for none. */
    private static String placeholders(List<String> ids) {
        return ids.isEmpty() ? "null" : Placeholders.of(ids.size());
    }

    /**
     * Whether a mail to {@code to} queued before {@code queuedAt} could not be sent and is waiting for
     * its next try. Mails merely queued at about the same time go as the job executor takes them
     * (seconds apart, and a person's mail client sorts them); holding each behind the other would send
     * a person's mails one job-acquisition cycle apart.
     */
    boolean earlierMailWaiting(String to, Object queuedAt, Queue queue) {
        if (to == null || !(queuedAt instanceof Long mine)) {
            return false; // queued before mails were ordered
        }
        if (!queue.failedToBeTriedAgain()) {
            return false; // the usual case: nothing to keep in order
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
     * up to a minute later. A mail that began to wait after {@code queue} was looked at waits its
     * minute.
     */
    void wakeWaitingFor(String to, Queue queue) {
        if (to == null || !queue.waitingBehindAnother()) {
            return; // nobody waits
        }
        for (ProcessInstance waiting : runtime.createProcessInstanceQuery().processDefinitionKey(SendMailProcess.KEY)
                .activityIdIn(WAIT).variableValueEquals(SendMailProcess.TO, to).list()) {
            for (Job timer : management.createJobQuery().processInstanceId(waiting.getId()).activityId(WAIT).list()) {
                management.setJobDuedate(timer.getId(), ClockUtil.getCurrentTime());
            }
        }
    }

    /** The state of the mail queue that ordering needs. */
    record Queue(boolean failedToBeTriedAgain, boolean waitingBehindAnother) {
    }

    /** The job definitions of every deployed version of {@code send-mail}, by activity. */
    record Definitions(Set<String> processDefinitions, List<String> send, List<String> waitFor) {
    }

    /**
     * The mail jobs' definitions, remembered: they change only when {@code send-mail} is deployed
     * again, and then the first mail of the new version (a process definition not seen yet) asks for
     * them afresh. Mails of older versions still queued keep their definitions in the list.
     */
    private Definitions definitions(String processDefinitionId) {
        Definitions known = definitions;
        if (known != null && (processDefinitionId == null || known.processDefinitions().contains(processDefinitionId))) {
            return known;
        }
        Set<String> processes = new HashSet<>();
        List<String> send = new ArrayList<>();
        List<String> waitFor = new ArrayList<>();
        for (JobDefinition definition : management.createJobDefinitionQuery().processDefinitionKey(SendMailProcess.KEY).list()) {
            processes.add(definition.getProcessDefinitionId());
            if (SEND.equals(definition.getActivityId())) {
                send.add(definition.getId());
            } else if (WAIT.equals(definition.getActivityId())) {
                waitFor.add(definition.getId());
            }
        }
        known = new Definitions(Set.copyOf(processes), List.copyOf(send), List.copyOf(waitFor));
        definitions = known;
        return known;
    }

    private ProcessInstanceQuery earlier(String to, long queuedAt) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SendMailProcess.KEY)
                .variableValueEquals(SendMailProcess.TO, to)
                .variableValueLessThan(SendMailProcess.QUEUED_AT, queuedAt);
    }
}
