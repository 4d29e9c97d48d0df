package uk.org.throughthegate.operations;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.notification.SendMailProcess;

/**
 * What is waiting, as gauges: open and overdue tasks per team and per consortium, jobs due and not
 * yet executed (the timer backlog) and how long the oldest has waited, open incidents, mails queued
 * and mails stuck after their last retry.
 * <p>
 * Counted with a few grouped queries every {@code ttg.metrics.refresh} (30 s), not on each scrape,
 * so that however often Prometheus asks, the database answers twice a minute. Counts and team ids
 * only: no case reference, no name.
 */
@Component
public class WorkloadGauges implements MeterBinder {

    static final String TASKS_BY_TEAM = """
            select I.GROUP_ID_ as KEY_, count(*) as OPEN_, sum(case when T.DUE_DATE_ < ? then 1 else 0 end) as LATE_
            from ACT_RU_TASK T inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_
            where I.TYPE_ = 'candidate' and I.GROUP_ID_ is not null
            group by I.GROUP_ID_""";

    // A task's consortium is a variable of its own process instance (journeys, ROTL requests and
    // escalations carry one); tasks of processes without one are counted as "none".
    static final String TASKS_BY_CONSORTIUM = """
            select coalesce(V.TEXT_, 'none') as KEY_, count(*) as OPEN_, sum(case when T.DUE_DATE_ < ? then 1 else 0 end) as LATE_
            from ACT_RU_TASK T left join ACT_RU_VARIABLE V on V.EXECUTION_ID_ = T.PROC_INST_ID_ and V.NAME_ = '%s'
            group by coalesce(V.TEXT_, 'none')""".formatted(JourneyProcess.CONSORTIUM);

    // Due, not suspended, retries left: what the job executor should be working on now.
    static final String JOBS_DUE = """
            select count(*), min(DUEDATE_) from ACT_RU_JOB
            where DUEDATE_ <= ? and RETRIES_ > 0 and SUSPENSION_STATE_ = 1""";

    static final String INCIDENTS = "select INCIDENT_TYPE_, count(*) from ACT_RU_INCIDENT group by INCIDENT_TYPE_";

    // Queued: in the outbox, or tried and waiting for another try as a send-mail instance; stuck: out of tries.
    static final String MAILS = "select (select count(*) from ttg_mail_outbox) + count(case when RETRIES_ > 0 then 1 end),"
            + " count(case when RETRIES_ = 0 then 1 end)"
            + " from ACT_RU_JOB where PROCESS_DEF_KEY_ = '" + SendMailProcess.KEY + "'";

    record Count(String key, long open, long late) {
    }

    /** One reading of everything counted here. */
    record Reading(List<Count> teams, List<Count> consortia, long jobsDue, double oldestDueSeconds,
            List<Count> incidents, long mailsQueued, long mailsStuck) {
        static final Reading NONE = new Reading(List.of(), List.of(), 0, 0, List.of(), 0, 0);
    }

    private final JdbcTemplate sql;
    private final AtomicReference<Reading> last = new AtomicReference<>(Reading.NONE);
    private MultiGauge teamOpen;
    private MultiGauge teamOverdue;
    private MultiGauge consortiumOpen;
    private MultiGauge consortiumOverdue;
    private MultiGauge incidents;

    WorkloadGauges(JdbcTemplate sql) {
        this.sql = sql;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        teamOpen = MultiGauge.builder("ttg.tasks.open").description("Open tasks offered to the team").register(registry);
        teamOverdue = MultiGauge.builder("ttg.tasks.overdue").description("Open tasks of the team past their due date").register(registry);
        consortiumOpen = MultiGauge.builder("ttg.consortium.tasks.open").description("Open tasks of the consortium's cases").register(registry);
        consortiumOverdue = MultiGauge.builder("ttg.consortium.tasks.overdue").description("Open tasks of the consortium's cases past their due date").register(registry);
        incidents = MultiGauge.builder("camunda.incidents.open").description("Open incidents (a job out of retries, a failed step)").register(registry);
        Gauge.builder("ttg.jobs.due", last, r -> r.get().jobsDue())
                .description("Jobs due and not yet executed: timers, mails, asynchronous steps").register(registry);
        Gauge.builder("ttg.jobs.due.oldest", last, r -> r.get().oldestDueSeconds()).baseUnit("seconds")
                .description("How long the longest-waiting due job has waited").register(registry);
        Gauge.builder("ttg.mails.queued", last, r -> r.get().mailsQueued())
                .description("Mails queued and not yet handed to the mail server").register(registry);
        Gauge.builder("ttg.mails.stuck", last, r -> r.get().mailsStuck())
                .description("Mails whose retries are used up (an incident each in Cockpit)").register(registry);
        refresh();
    }

    /** Reads the counts again; the gauges show them until the next refresh. */
    @Scheduled(fixedDelayString = "${ttg.metrics.refresh:30s}", initialDelayString = "${ttg.metrics.refresh:30s}")
    public void refresh() {
        Date now = ClockUtil.getCurrentTime();
        Timestamp at = new Timestamp(now.getTime());
        List<Count> teams = counts(TASKS_BY_TEAM, at);
        List<Count> consortia = counts(TASKS_BY_CONSORTIUM, at);
        long[] due = new long[1];
        double[] oldest = new double[1];
        sql.query(JOBS_DUE, rs -> {
            due[0] = rs.getLong(1);
            Timestamp first = rs.getTimestamp(2);
            oldest[0] = first == null ? 0 : Math.max(0, (now.getTime() - first.getTime()) / 1000.0);
        }, at);
        List<Count> open = sql.query(INCIDENTS, (rs, i) -> new Count(rs.getString(1), rs.getLong(2), 0));
        long[] mails = sql.queryForObject(MAILS, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        Reading reading = new Reading(teams, consortia, due[0], oldest[0], open, mails[0], mails[1]);
        last.set(reading);
        if (teamOpen != null) {
            teamOpen.register(rows(teams, "team", false), true);
            teamOverdue.register(rows(teams, "team", true), true);
            consortiumOpen.register(rows(consortia, "consortium", false), true);
            consortiumOverdue.register(rows(consortia, "consortium", true), true);
            incidents.register(rows(open, "type", false), true);
        }
    }

    Reading last() {
        return last.get();
    }

    private List<Count> counts(String query, Timestamp now) {
        return sql.query(query, (rs, i) -> new Count(rs.getString(1), rs.getLong(2), rs.getLong(3)), now);
    }

    private static List<MultiGauge.Row<?>> rows(List<Count> counts, String tag, boolean late) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Count count : counts) {
            rows.add(MultiGauge.Row.of(Tags.of(tag, count.key()), late ? count.late() : count.open()));
        }
        return rows;
    }
}
