package uk.org.throughthegate.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.notification.DeadlineEscalationProcess;

/**
 * The measures, counted straight from the engine's history tables (the rows Cockpit reads, kept
 * seven years): one aggregate query per family of measures, grouped by consortium, YOT,
 * establishment and month, so the database does the counting and a board's year of a consortium
 * comes back as a few hundred rows. A journey counts for its consortium, its home YOT and the
 * establishment it is (or was last) in. Months are those of the service's clock.
 */
@Repository
class JourneyHistory {

    /**
     * The journeys in view: open at some time in the period, with the place they count for. Found
     * once per page ({@link #inView}); each measure's query then reads them from the arrays they
     * were found into ({@code {journey}} below) rather than finding them again, which at 100,000
     * journeys in history cost each of nine queries the same few hundred milliseconds. The place
     * variables exist only on the journey itself (no step maps them locally), so they are looked up
     * by journey and name alone, which database/EngineTableTuning's indexes answer.
     */
    private static final String JOURNEYS_IN_VIEW = """
            select p.ID_ as id, p.BUSINESS_KEY_ as ref, p.START_TIME_ as started, p.END_TIME_ as ended,
                   c.TEXT_ as consortium, y.TEXT_ as yot, e.TEXT_ as establishment
            from ACT_HI_PROCINST p
            join ACT_HI_VARINST c on c.PROC_INST_ID_ = p.ID_ and c.NAME_ = 'consortium'
            join ACT_HI_VARINST y on y.PROC_INST_ID_ = p.ID_ and y.NAME_ = 'homeYot'
            join ACT_HI_VARINST e on e.PROC_INST_ID_ = p.ID_ and e.NAME_ = 'establishment'
            where p.PROC_DEF_KEY_ = :journeyKey and p.START_TIME_ < :to and (p.END_TIME_ is null or p.END_TIME_ >= :from)
              %s""";

    /**
     * The journeys found, as a table. Times travel as text (SQL timestamps, the service's clock)
     * because an array of timestamps is not something both databases' drivers can bind; a sub-query
     * and not a WITH clause, as H2 keeps the parameters of a WITH clause from the first run of a
     * prepared statement.
     */
    private static final String JOURNEY = """
            (select u.id, u.ref, cast(u.started as timestamp) as started, cast(u.ended as timestamp) as ended,
                    u.consortium, u.yot, u.establishment
             from unnest(cast(:jId as varchar(64) array), cast(:jRef as varchar(255) array),
                         cast(:jStarted as varchar(32) array), cast(:jEnded as varchar(32) array),
                         cast(:jConsortium as varchar(4000) array), cast(:jYot as varchar(4000) array),
                         cast(:jEstablishment as varchar(4000) array))
                  as u(id, ref, started, ended, consortium, yot, establishment))""";

    /** Their ROTL requests: those of the case made while the journey was open. Found once, too. */
    private static final String ROTL_IN_VIEW = """
            select r.ID_ as id, r.START_TIME_ as started, r.END_ACT_ID_ as endStep,
                   j.ref, j.consortium, j.yot, j.establishment
            from {journey} j
            join ACT_HI_PROCINST r on r.BUSINESS_KEY_ = j.ref and r.PROC_DEF_KEY_ = :rotlKey
              and r.START_TIME_ >= j.started and (j.ended is null or r.START_TIME_ <= j.ended)""";

    private static final String ROTL = """
            (select u.id, cast(u.started as timestamp) as started, u.endStep, u.ref, u.consortium, u.yot, u.establishment
             from unnest(cast(:rId as varchar(64) array), cast(:rStarted as varchar(32) array),
                         cast(:rEndStep as varchar(255) array), cast(:rRef as varchar(255) array),
                         cast(:rConsortium as varchar(4000) array), cast(:rYot as varchar(4000) array),
                         cast(:rEstablishment as varchar(4000) array))
                  as u(id, started, endStep, ref, consortium, yot, establishment))""";

    /** A deadline step's outcome; null while it is open and not yet due, or closed before it was due. */
    private static final String DEADLINE_OUTCOME = """
            case when t.DELETE_REASON_ = 'completed' and t.END_TIME_ <= t.DUE_DATE_ then 'on-time'
                 when t.DELETE_REASON_ = 'completed' then 'late'
                 when t.END_TIME_ is null and t.DUE_DATE_ < :now then 'not-done'
                 when t.END_TIME_ is not null and t.END_TIME_ > t.DUE_DATE_ then 'not-done'
            end""";

    private static final String GROUPED = """
            select step, outcome, consortium, yot, establishment, yr, mo, count(*) as n from (%s) x
            where outcome is not null
            group by step, outcome, consortium, yot, establishment, yr, mo
            """;

    private static final String DEADLINES = GROUPED.formatted("""
            select t.TASK_DEF_KEY_ as step, %s as outcome, c.consortium, c.yot, c.establishment,
                   extract(year from t.DUE_DATE_) as yr, extract(month from t.DUE_DATE_) as mo
            from (select id, consortium, yot, establishment from {journey} j0
                  union all select id, consortium, yot, establishment from {rotl} r0) c
            join ACT_HI_TASKINST t on t.PROC_INST_ID_ = c.id
            where t.TASK_DEF_KEY_ in (:steps) and t.DUE_DATE_ >= :from and t.DUE_DATE_ < :to
            """.formatted(DEADLINE_OUTCOME));

    static final String JOURNEY_EVENTS = GROUPED.formatted("""
            select 'entered' as step, 'count' as outcome, j.consortium, j.yot, j.establishment,
                   extract(year from j.started) as yr, extract(month from j.started) as mo
            from {journey} j where j.started >= :from
            union all
            select a.ACT_ID_, 'count', j.consortium, j.yot, j.establishment,
                   extract(year from a.START_TIME_), extract(month from a.START_TIME_)
            from {journey} j join ACT_HI_ACTINST a on a.PROC_INST_ID_ = j.id
            where a.ACT_ID_ in (%s) and a.START_TIME_ >= :from and a.START_TIME_ < :to
            """.formatted(JourneyHistoryIndexes.sqlList(JourneyHistoryIndexes.events())));

    /** Per pathway: did its work start before release (support needed) and end, done, by then. */
    private static final String AT_RELEASE_ONE = """
            select cast(%1$s as varchar(64)) as step,
                   case when not exists (select 1 from ACT_HI_ACTINST s where s.PROC_INST_ID_ = j.id
                                         and s.ACT_ID_ = %1$s and s.START_TIME_ <= rel.START_TIME_) then 'not-needed'
                        when exists (select 1 from ACT_HI_ACTINST s where s.PROC_INST_ID_ = j.id and s.ACT_ID_ = %1$s
                                     and s.END_TIME_ <= rel.START_TIME_ and s.ACT_INST_STATE_ <> 2) then 'in-place'
                        else 'not-in-place' end as outcome,
                   j.consortium, j.yot, j.establishment,
                   extract(year from rel.START_TIME_) as yr, extract(month from rel.START_TIME_) as mo
            from {journey} j
            join ACT_HI_ACTINST rel on rel.PROC_INST_ID_ = j.id and rel.ACT_ID_ = %2$s
                 and rel.START_TIME_ >= :from and rel.START_TIME_ < :to
            """;

    /**
     * Answers a task recorded in its own input-mapped variable, kept in history with the task's
     * scope; in the month the task was due (a review of a missed appointment has no due date: the
     * month it was done).
     */
    private static final String ANSWERS = GROUPED.formatted("""
            select t.TASK_DEF_KEY_ as step, v.TEXT_ as outcome, j.consortium, j.yot, j.establishment,
                   extract(year from coalesce(t.DUE_DATE_, t.END_TIME_)) as yr,
                   extract(month from coalesce(t.DUE_DATE_, t.END_TIME_)) as mo
            from {journey} j
            join ACT_HI_TASKINST t on t.PROC_INST_ID_ = j.id
            join ACT_HI_VARINST v on v.PROC_INST_ID_ = j.id and v.EXECUTION_ID_ = t.EXECUTION_ID_ and v.NAME_ in (:answers)
            where t.TASK_DEF_KEY_ in (:steps) and t.DELETE_REASON_ = 'completed'
              and coalesce(t.DUE_DATE_, t.END_TIME_) >= :from and coalesce(t.DUE_DATE_, t.END_TIME_) < :to
            """);

    private static final String ROTL_REQUESTS = GROUPED.formatted("""
            select 'rotlDecision' as step,
                   coalesce(d.TEXT_, case when r.endStep = 'End_NotEligible' then 'not-eligible' else 'not-decided' end) as outcome,
                   r.consortium, r.yot, r.establishment,
                   extract(year from r.started) as yr, extract(month from r.started) as mo
            from {rotl} r
            left join ACT_HI_VARINST d on d.PROC_INST_ID_ = r.id and d.EXECUTION_ID_ = r.id and d.NAME_ = 'rotlDecision'
            where r.started >= :from and r.started < :to
            union all
            select 'rotlOutcome', o.TEXT_, r.consortium, r.yot, r.establishment,
                   extract(year from r.started), extract(month from r.started)
            from {rotl} r
            join ACT_HI_VARINST o on o.PROC_INST_ID_ = r.id and o.EXECUTION_ID_ = r.id and o.NAME_ = 'rotlOutcome'
            where r.started >= :from and r.started < :to
            """);

    static final String NEEDS = GROUPED.formatted("""
            select v.NAME_ as step,
                   case when v.TEXT_ in ('support-required', 'in-progress', 'done') then 'needed'
                        when v.TEXT_ = 'support-not-required' then 'not-needed'
                        when v.TEXT_ = 'support-declined' then 'declined' end as outcome,
                   j.consortium, j.yot, j.establishment,
                   extract(year from j.started) as yr, extract(month from j.started) as mo
            from {journey} j
            join ACT_HI_VARINST v on v.PROC_INST_ID_ = j.id and v.EXECUTION_ID_ = j.id and v.NAME_ in (%s)
            where j.started >= :from
            """.formatted(JourneyHistoryIndexes.sqlList(JourneyHistoryIndexes.variables(Measure.Family.NEEDS))));

    /**
     * How far from home each journey entered in the month was placed (its latest establishment), and
     * how many times it has been transferred; journeys entered before these were kept have no row.
     */
    private static final String PLACEMENT = GROUPED.formatted("""
            select v.NAME_ as step,
                   case when v.NAME_ = 'establishmentTransfers' then
                            case when coalesce(v.LONG_, 0) = 0 then 'none' when v.LONG_ = 1 then 'one' else 'two-or-more' end
                        else v.TEXT_ end as outcome,
                   j.consortium, j.yot, j.establishment,
                   extract(year from j.started) as yr, extract(month from j.started) as mo
            from {journey} j
            join ACT_HI_VARINST v on v.PROC_INST_ID_ = j.id and v.EXECUTION_ID_ = j.id and v.NAME_ in (%s)
            where j.started >= :from
            """.formatted(JourneyHistoryIndexes.sqlList(JourneyHistoryIndexes.variables(Measure.Family.PLACEMENT))));

    /** Time on licence: each release, and when the licence stage ended (open: still on licence). */
    private static final String ON_LICENCE = """
            select j.id, j.consortium, j.yot, j.establishment, a.START_TIME_ as released, a.END_TIME_ as ended
            from {journey} j join ACT_HI_ACTINST a on a.PROC_INST_ID_ = j.id and a.ACT_ID_ = %s
            where a.START_TIME_ < :to and (a.END_TIME_ is null or a.END_TIME_ >= :from)
            """.formatted(JourneyHistoryIndexes.sqlLiteral(Measure.RELEASED.source.get(1)));

    private static final String ROTL_DECISIONS = """
            select r.consortium, r.yot, r.establishment, r.started, t.END_TIME_ as decided
            from {rotl} r join ACT_HI_TASKINST t on t.PROC_INST_ID_ = r.id and t.TASK_DEF_KEY_ = :decide
            where t.DELETE_REASON_ = 'completed' and r.started >= :from and r.started < :to
            """;

    private static final String LATE_CASES = """
            select c.ref, t.TASK_DEF_KEY_ as step, t.DUE_DATE_ as due, t.END_TIME_ as ended, %s as outcome,
                   c.consortium, c.yot, c.establishment
            from (select id, ref, consortium, yot, establishment from {journey} j0
                  union all select id, ref, consortium, yot, establishment from {rotl} r0) c
            join ACT_HI_TASKINST t on t.PROC_INST_ID_ = c.id
            where t.TASK_DEF_KEY_ = :step and t.DUE_DATE_ >= :from and t.DUE_DATE_ < :to
            order by t.DUE_DATE_, c.ref
            """.formatted(DEADLINE_OUTCOME);

    /**
     * Open tasks of the journeys in view and of their ROTL requests (which carry the journey's
     * consortium and home YOT) past their due date, by team, with the highest rung of the
     * escalation ladder their watch has reached (0: none yet).
     */
    private static final String OVERDUE_NOW = """
            select team, rung, count(*) as n from (
              select g.GROUP_ID_ as team,
                     coalesce((select max(case rt.TASK_DEF_KEY_ when 'Task_ResolveOverdueYotManager' then 1
                                          when 'Task_ResolveOverdueProjectManager' then 2
                                          when 'Task_ResolveOverdueStrategicLead' then 3 else 0 end)
                               from ACT_HI_TASKINST rt where rt.PROC_INST_ID_ = w.TEXT_), 0) as rung
              from ACT_RU_TASK t
              join ACT_RU_IDENTITYLINK g on g.TASK_ID_ = t.ID_ and g.TYPE_ = 'candidate' and g.GROUP_ID_ is not null
              join ACT_RU_VARIABLE c on c.PROC_INST_ID_ = t.PROC_INST_ID_ and c.EXECUTION_ID_ = t.PROC_INST_ID_ and c.NAME_ = 'consortium'
              join ACT_RU_VARIABLE y on y.PROC_INST_ID_ = t.PROC_INST_ID_ and y.EXECUTION_ID_ = t.PROC_INST_ID_ and y.NAME_ = 'homeYot'
              join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_
              join ACT_RE_PROCDEF d on d.ID_ = p.PROC_DEF_ID_ and d.KEY_ in (:journeyKey, :rotlKey)
              left join ACT_RU_VARIABLE w on w.TASK_ID_ = t.ID_ and w.NAME_ = :watchId
              where t.DUE_DATE_ < :now %s
            ) x group by team, rung
            """;

    private final NamedParameterJdbcTemplate sql;
    private final TransactionTemplate transaction;
    private volatile Boolean postgres;

    JourneyHistory(NamedParameterJdbcTemplate sql, PlatformTransactionManager transactions) {
        this.sql = sql;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    /**
     * Runs one page's queries in one read-only transaction. On PostgreSQL they are planned for any
     * journeys in view (a generic plan: look each journey's rows up by index), not for the exact
     * arrays of each call: planned for 7,000 journeys the planner preferred to scan every task of
     * seven years' history, 1.6 s a page against 0.6 s (measured at 102,000 journeys in history).
     */
    <T> T onePage(Supplier<T> queries) {
        return transaction.execute(status -> {
            if (isPostgres()) {
                sql.getJdbcTemplate().execute("set local plan_cache_mode = force_generic_plan");
            }
            return queries.get();
        });
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(sql.getJdbcTemplate().execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
        }
        return postgres;
    }

    /**
     * The journeys of the scope open at some time in the period, and their ROTL requests: what
     * every measure of a page is counted over, found once for the page.
     */
    InView inView(Scope scope, Period period) {
        MapSqlParameterSource p = parameters(period);
        p.addValue("scope", scope.id());
        Columns journeys = new Columns("jId", "jRef", "jStarted", "jEnded", "jConsortium", "jYot", "jEstablishment");
        sql.query(JOURNEYS_IN_VIEW.formatted(switch (scope.kind()) {
            case ALL -> "";
            case CONSORTIUM -> "and c.TEXT_ = :scope";
            case YOT -> "and y.TEXT_ = :scope";
        }), p, rs -> {
            journeys.add(rs.getString("id"), rs.getString("ref"), text(rs.getTimestamp("started")),
                    text(rs.getTimestamp("ended")), rs.getString("consortium"), rs.getString("yot"),
                    rs.getString("establishment"));
        });
        journeys.into(p);
        Columns rotl = new Columns("rId", "rStarted", "rEndStep", "rRef", "rConsortium", "rYot", "rEstablishment");
        sql.query(ROTL_IN_VIEW.replace("{journey}", JOURNEY), p, rs -> {
            rotl.add(rs.getString("id"), text(rs.getTimestamp("started")), rs.getString("endStep"),
                    rs.getString("ref"), rs.getString("consortium"), rs.getString("yot"), rs.getString("establishment"));
        });
        rotl.into(p);
        return new InView(scope, period, p);
    }

    /** Every measure's tallies over the journeys in view. */
    List<Tally> tallies(InView view) {
        MapSqlParameterSource p = view.parameters();
        List<Tally> tallies = new ArrayList<>();

        Map<String, Measure> byStep = byFirst(Measure.Family.DEADLINE, m -> m.source.get(1));
        p.addValue("steps", List.copyOf(byStep.keySet()));
        tallies.addAll(query(DEADLINES, p, row -> byStep.get(row)));

        Map<String, Measure> events = byFirst(Measure.Family.JOURNEYS, m -> m.source.get(1));
        tallies.addAll(query(JOURNEY_EVENTS, p, events::get));

        Map<String, Measure> atRelease = byFirst(Measure.Family.AT_RELEASE, m -> m.source.get(1));
        List<String> parts = new ArrayList<>();
        for (String step : atRelease.keySet()) {
            parts.add(AT_RELEASE_ONE.formatted(JourneyHistoryIndexes.sqlLiteral(step),
                    JourneyHistoryIndexes.sqlLiteral(Measure.RELEASED.source.get(1))));
        }
        tallies.addAll(query(GROUPED.formatted(String.join(" union all ", parts)), p, atRelease::get));

        Map<String, Measure> answers = byFirst(Measure.Family.ANSWER, m -> m.source.get(1));
        p.addValue("steps", List.copyOf(answers.keySet()));
        p.addValue("answers", Arrays.stream(Measure.values()).filter(m -> m.family == Measure.Family.ANSWER)
                .map(m -> m.source.get(2)).toList());
        tallies.addAll(query(ANSWERS, p, answers::get));

        Map<String, Measure> rotl = byFirst(Measure.Family.ROTL, m -> m.source.get(0));
        tallies.addAll(query(ROTL_REQUESTS, p, rotl::get));

        Map<String, Measure> needs = byFirst(Measure.Family.NEEDS, m -> m.source.get(0));
        tallies.addAll(query(NEEDS, p, needs::get));

        Map<String, Measure> placement = byFirst(Measure.Family.PLACEMENT, m -> m.source.get(0));
        tallies.addAll(query(PLACEMENT, p, placement::get));
        return tallies;
    }

    /** Each release of a journey in view, to when it went back or its licence stage ended. */
    List<LicenceSpell> licenceSpells(InView view) {
        return sql.query(journeys(ON_LICENCE), view.parameters(), (rs, n) -> new LicenceSpell(rs.getString("id"),
                place(rs), date(rs.getTimestamp("released")), date(rs.getTimestamp("ended"))));
    }

    /** Each ROTL request decided, with when it was made and decided. */
    List<RotlDecision> rotlDecisions(InView view) {
        MapSqlParameterSource p = view.parameters().addValue("decide", Measure.ROTL_DECIDED.source.get(1));
        return sql.query(journeys(ROTL_DECISIONS), p, (rs, n) -> new RotlDecision(place(rs),
                date(rs.getTimestamp("started")), date(rs.getTimestamp("decided"))));
    }

    /** The cases whose step of a deadline measure was late or not done, soonest due first. */
    List<LateCase> lateCases(InView view, Measure measure, int most) {
        if (measure.family != Measure.Family.DEADLINE) {
            throw new IllegalArgumentException("'" + measure.id() + "' is not a deadline");
        }
        MapSqlParameterSource p = view.parameters().addValue("step", measure.source.get(1));
        List<LateCase> late = new ArrayList<>();
        sql.query(journeys(LATE_CASES), p, rs -> {
            String outcome = rs.getString("outcome");
            if (late.size() < most && ("late".equals(outcome) || "not-done".equals(outcome))) {
                late.add(new LateCase(rs.getString("ref"), place(rs), rs.getTimestamp("due").toLocalDateTime(),
                        rs.getTimestamp("ended") == null ? null : rs.getTimestamp("ended").toLocalDateTime(), outcome));
            }
        });
        return late;
    }

    /** Now: the open overdue tasks of the journeys in view, per team and rung of the ladder reached. */
    List<OverdueCount> overdueNow(Scope scope) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("journeyKey", JourneyProcess.KEY)
                .addValue("rotlKey", Measure.ROTL_DECIDED.source.get(0)).addValue("watchId", DeadlineEscalationProcess.WATCH_ID).addValue("now", now())
                .addValue("scope", scope.id());
        String filter = switch (scope.kind()) {
            case ALL -> "";
            case CONSORTIUM -> "and c.TEXT_ = :scope";
            case YOT -> "and y.TEXT_ = :scope";
        };
        return sql.query(OVERDUE_NOW.formatted(filter), p,
                (rs, n) -> new OverdueCount(rs.getString("team"), rs.getInt("rung"), rs.getLong("n")));
    }

    public record Place(String consortium, String yot, String establishment) {
    }

    public record LicenceSpell(String journey, Place place, LocalDate released, LocalDate ended) {
    }

    public record RotlDecision(Place place, LocalDate requested, LocalDate decided) {
    }

    public record LateCase(String caseReference, Place place, LocalDateTime due, LocalDateTime done, String outcome) {
    }

    public record OverdueCount(String team, int rung, long count) {
    }

    /**
     * The journeys of a scope and period, found: each of a page's queries reads them from here.
     * Its parameters are a fresh copy each time, so one query's extra values do not leak into the next.
     */
    record InView(Scope scope, Period period, MapSqlParameterSource found) {

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource(found.getValues());
        }
    }

    /** Values found row by row, kept column by column to be bound as arrays. */
    private static final class Columns {
        private final String[] names;
        private final List<List<String>> values = new ArrayList<>();

        Columns(String... names) {
            this.names = names;
            for (int i = 0; i < names.length; i++) {
                values.add(new ArrayList<>());
            }
        }

        void add(String... row) {
            for (int i = 0; i < names.length; i++) {
                values.get(i).add(row[i]);
            }
        }

        void into(MapSqlParameterSource p) {
            for (int i = 0; i < names.length; i++) {
                p.addValue(names[i], values.get(i).toArray(String[]::new));
            }
        }
    }

    private List<Tally> query(String grouped, MapSqlParameterSource p, Function<String, Measure> measureOf) {
        return sql.query(journeys(grouped), p, (rs, n) -> {
            Measure measure = measureOf.apply(rs.getString("step"));
            return measure == null ? null : new Tally(measure, rs.getString("outcome"), rs.getString("consortium"),
                    rs.getString("yot"), rs.getString("establishment"),
                    YearMonth.of(rs.getInt("yr"), rs.getInt("mo")), rs.getLong("n"));
        }).stream().filter(t -> t != null).toList();
    }

    /** The query with the journeys in view (and their ROTL requests) written in. */
    static String journeys(String query) {
        return query.replace("{rotl}", ROTL).replace("{journey}", JOURNEY);
    }

    private static MapSqlParameterSource parameters(Period period) {
        return new MapSqlParameterSource()
                .addValue("journeyKey", JourneyProcess.KEY).addValue("rotlKey", Measure.ROTL_DECIDED.source.get(0))
                .addValue("from", Timestamp.valueOf(period.start().atStartOfDay()))
                .addValue("to", Timestamp.valueOf(period.end().atStartOfDay()))
                .addValue("now", now());
    }

    private static String text(Timestamp at) {
        return at == null ? null : at.toString();
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static Place place(ResultSet rs) throws SQLException {
        return new Place(rs.getString("consortium"), rs.getString("yot"), rs.getString("establishment"));
    }

    private static LocalDate date(Timestamp at) {
        return at == null ? null : at.toLocalDateTime().toLocalDate();
    }

    private static Map<String, Measure> byFirst(Measure.Family family, Function<Measure, String> key) {
        return Arrays.stream(Measure.values()).filter(m -> m.family == family)
                .collect(Collectors.toMap(key, m -> m, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
