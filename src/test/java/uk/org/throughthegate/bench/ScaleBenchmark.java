package uk.org.throughthegate.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.journey.JourneyScenario;
import uk.org.throughthegate.journey.Pathway;
import uk.org.throughthegate.journey.WholeJourney;
import uk.org.throughthegate.taskform.FormAnswers;

/**
 * How the service holds up as journeys pile up, on PostgreSQL, against a bare engine in the same
 * run: {@code mvn test -Pbench -Dbench.journeys=1000}. The database ({@code through_the_gate_bench})
 * is kept: each run tops it up to the size asked, so the next size only adds the difference and a
 * second run at the same size measures start-up with that many journeys. Prints one table and
 * writes it to {@code target/bench/}. Not part of {@code mvn verify}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${TTG_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_bench}",
        "spring.datasource.username=${TTG_BENCH_DB_USER:postgres}",
        "spring.datasource.password=${TTG_BENCH_DB_PASSWORD:}",
        "spring.datasource.hikari.maximum-pool-size=20",
        "camunda.bpm.admin-user.id=bench-admin",
        "camunda.bpm.admin-user.password=bench-only-" + "${random.uuid}"})
@ActiveProfiles("bench")
@ContextConfiguration(initializers = ScaleBenchmark.StartClock.class)
class ScaleBenchmark {

    static final int JOURNEYS = Integer.getInteger("bench.journeys", 1000);
    static final int CALLS = Integer.getInteger("bench.calls", 60);
    /**
     * People on each YOT and custody team, each with an address (1 unless -Dbench.teamSize=N): a new
     * task is mailed to every member of its teams, so what a step costs grows with the team.
     */
    static final int TEAM_SIZE = Integer.getInteger("bench.teamSize", 1);
    /** Journeys in history for the dashboard's own measurement (0: none beyond what was seeded). */
    static final int HISTORY = Integer.getInteger("bench.history", 0);
    static final int CLIENTS = 4;
    static final String ADMIN = "bench.admin";
    static final String BARE = "bench-bare";
    static final String BARE_TIMER = "bench-bare-timer";
    static final String SEED_PREFIX = "BENCH-";

    static long contextStartedNanos;

    /** Marks when the service's context starts loading, for the start-up time. */
    static class StartClock implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            contextStartedNanos = System.nanoTime();
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final Random random = new Random(16);
    JdbcTemplate sql;

    @BeforeAll
    static void databaseExists() throws Exception {
        String url = System.getenv().getOrDefault("TTG_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/through_the_gate_bench");
        String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (var c = DriverManager.getConnection(server, System.getenv().getOrDefault("TTG_BENCH_DB_USER", "postgres"),
                System.getenv().getOrDefault("TTG_BENCH_DB_PASSWORD", ""));
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + name);
            }
        }
    }

    @Test
    void measure() throws Exception {
        double startupSeconds = (System.nanoTime() - contextStartedNanos) / 1e9;
        sql = new JdbcTemplate(dataSource);
        long journeysAtStart = journeys();
        BenchReport report = new BenchReport(String.format("Benchmark at %,d journeys: %s, %s %s, %d cores, PostgreSQL %s, %s",
                JOURNEYS, LocalDate.now(), engineLine(), ProductPropertiesUtil.getProductVersion(),
                Runtime.getRuntime().availableProcessors(),
                sql.queryForObject("show server_version", String.class), "4 clients for rates, 1 for latencies"
                        + (TEAM_SIZE > 1 ? ", " + TEAM_SIZE + " people on each YOT and custody team" : "")));

        List<String[]> yots = yots();
        List<String> establishments = establishments();
        people(yots, establishments);
        deployBareProcesses();

        double seedRate = seed(yots, establishments);
        // As autovacuum would have by the time a team opens its list (since PostgreSQL 13 it vacuums
        // after inserts too; it is off on the machine this was written on): fresh statistics, and the
        // visibility map that lets an index answer without the table (a team's grants, read whole;
        // the dashboard's journeys, places and facts, whose history tables the service has vacuumed
        // after 2 % growth: database/EngineTableTuning.GROWING_HISTORY_TABLES).
        for (String table : List.of("act_ru_task", "act_ru_identitylink", "act_ru_authorization",
                "act_hi_varinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_procinst")) {
            sql.execute("vacuum analyze " + table);
        }
        analyze();

        String lewishamCase = sql.queryForObject("select business_key_ from act_ru_execution where proc_def_key_ = ? "
                + "and parent_id_ is null and business_key_ like ? limit 1", String.class,
                JourneyProcess.KEY, SEED_PREFIX + "LEWISHAM-%");
        String lewishamJourney = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(lewishamCase)
                .processDefinitionKey(JourneyProcess.KEY).singleResult().getId();
        String teamFilter = filterId("My team's tasks (Lewisham YOT)");
        long journeys = journeys();
        report.add("journeys (running / all)", String.format("%,d / %,d", running(), journeys), "100,000");
        report.add("team task list, `GET /engine-rest/task?candidateGroup=yot-lewisham&maxResults=15&sortBy=dueDate` as yot.lewisham, p50/p95/p99",
                latency("yot.lewisham", "GET", "/engine-rest/task?candidateGroup=yot-lewisham&maxResults=15&sortBy=dueDate&sortOrder=asc", null),
                "p95 <= 20 ms");
        report.add("same as an administrator (no authorization check)",
                latency(ADMIN, "GET", "/engine-rest/task?candidateGroup=yot-lewisham&maxResults=15&sortBy=dueDate&sortOrder=asc", null),
                "reference");
        // What every call pays before it reads anything: HTTP, Basic authentication (the password
        // check and the user's groups and tenants, remembered after the first call for a minute:
        // access/RememberedRestLogins) and the REST layer.
        report.add("the floor: `GET /engine-rest/version` as yot.lewisham (reads no case)",
                latency("yot.lewisham", "GET", "/engine-rest/version", null), "reference");
        report.add("Tasklist filter \"My team's tasks\" list as Tasklist asks it (HAL, 15)",
                latency("yot.lewisham", "POST", "/engine-rest/filter/" + teamFilter + "/list?firstResult=0&maxResults=15",
                        "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"), "p95 <= 20 ms");
        report.add("Tasklist filter count", latency("yot.lewisham", "GET", "/engine-rest/filter/" + teamFilter + "/count", null),
                "p95 <= 20 ms");
        // Tasklist itself asks through the webapp's API with the session of its login, whose user,
        // groups and tenants the webapp reads again only every 5 minutes: the same resource, without
        // the password check and the two identity queries that a Basic-authenticated call pays.
        Map<String, String> tasklist = tasklistLogin("yot.lewisham");
        report.add("the same list through Tasklist's own API, logged in (what a practitioner waits for)",
                latency(tasklist, "POST", "/camunda/api/engine/engine/default/filter/" + teamFilter
                        + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"),
                "p95 <= 20 ms");
        report.add("its count through Tasklist's own API, logged in", latency(tasklist, "GET",
                "/camunda/api/engine/engine/default/filter/" + teamFilter + "/count", null), "p95 <= 20 ms");
        report.add("the floor through Tasklist's own API, logged in (`/version`, reads no case)",
                latency(tasklist, "GET", "/camunda/api/engine/engine/default/version", null), "reference");
        report.add("task count as a team user, `GET /engine-rest/task/count`",
                latency("yot.lewisham", "GET", "/engine-rest/task/count", null), "p95 <= 20 ms");
        report.add("case lookup by case reference (business key)",
                latency("yot.lewisham", "GET", "/engine-rest/process-instance?businessKey=" + lewishamCase, null), "p95 <= 20 ms");
        report.add("history of one case (activity instances)", latency("yot.lewisham", "GET",
                "/engine-rest/history/activity-instance?processInstanceId=" + lewishamJourney, null), "");
        report.add("Cockpit journey count as a project manager", latency("pm.south-london", "GET",
                "/engine-rest/process-instance/count?processDefinitionKey=" + JourneyProcess.KEY, null), "");
        // A board's page: every measure of a year of one consortium, from history (issue 10).
        report.add("timeliness dashboard of a consortium, last 12 months, as its project manager",
                latency("pm.south-london", "GET", "/dashboard?scope=consortium:south-london", null), "< 2 s");
        report.add("its evaluation return (CSV, 12 months)",
                latency("pm.south-london", "GET", "/dashboard/return.csv?consortium=south-london", null), "");

        ServiceRates entries = custodyEntryRates(yots, establishments);
        report.add("custody entries/s (journey vs bare-engine start), ratio", entries.asSeen(), "");
        report.add("the same with their mails sent", entries.withMailsSent(), "");
        report.add("custody entries/s while seeding", seedRate < 0 ? "(nothing seeded)" : String.format("%.1f", seedRate), "");
        Completions completions = completions();
        report.add("\"Record consent\" completions/s vs a bare one-task process, ratio", completions.rates().asSeen(), ">= 50 %");
        report.add("the same with their mails sent", completions.rates().withMailsSent(), ">= 50 %");
        // Mail jobs included: what the database ran from the first completion until their mails were sent.
        report.add("statements per completion, journey vs bare (PostgreSQL's pg_stat_statements, if loaded)",
                completions.statements(), "");
        TimerDrain timers = timerDrain();
        report.add("due timers drained/s, journey timers vs bare-engine timers, ratio", timers.rates().asSeen(), ">= 50 %");
        report.add("the same with their mails sent", timers.rates().withMailsSent(), ">= 50 %");
        // Acquisition and the mails' sending included, as for completions.
        report.add("statements per due timer, journey vs bare (PostgreSQL's pg_stat_statements, if loaded)",
                timers.statements(), "");
        removeBareInstances();
        report.add("rows of ACT_RU_AUTHORIZATION per journey", String.format("%.1f (%,d rows)",
                sql.queryForObject("select count(*) from act_ru_authorization", Long.class) / (double) journeys(),
                sql.queryForObject("select count(*) from act_ru_authorization", Long.class)), "");
        report.add("history bytes per closed journey (all rows of its case, indexes excluded)", historyPerClosedJourney(), "<= 100 KB");
        report.add("start-up of the service (journeys in the database then)",
                String.format("%.1f s (%,d)", startupSeconds, journeysAtStart), "<= 15 s");
        report.add("heap after a full GC", heapAfterGc(), "<= 512 MB");
        report.add("database size", sql.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class), "");

        if (HISTORY > journeys()) {
            long took = System.nanoTime();
            long inHistory = historyOfSevenYears(HISTORY);
            // As autovacuum would have, over the years (it is off on the machine this was written on):
            // statistics, and the visibility map that lets an index answer without the table.
            for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst")) {
                sql.execute("vacuum analyze " + table);
            }
            report.add("history made for the dashboard: journeys over seven years (copies)", String.format("%,d (made in %.0f s)",
                    inHistory, (System.nanoTime() - took) / 1e9), "100,000");
            report.add("timeliness dashboard of a consortium, last 12 months, at that history",
                    latency("pm.south-london", "GET", "/dashboard?scope=consortium:south-london", null), "< 2 s");
            report.add("its evaluation return (CSV, 12 months), at that history",
                    latency("pm.south-london", "GET", "/dashboard/return.csv?consortium=south-london", null), "");
            report.add("database size with that history",
                    sql.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class), "");
        }

        String table = report.markdown();
        System.out.println("\n" + table);
        report.write(Path.of("target", "bench", "bench-" + JOURNEYS + ".md"));
    }

    // --- the mix ------------------------------------------------------------------------------

    /** Every YOT of the standards table with its consortium: [yot, consortium]. */
    List<String[]> yots() throws Exception {
        String dmn = Files.readString(Path.of("bpmn", "consortium-standards.dmn"));
        Matcher m = Pattern.compile("InputEntry_home_yot_consortium_\\d+_0\"><text>\"([a-z-]+)\"</text></inputEntry>\\s*"
                + "<outputEntry id=\"[^\"]+\"><text>\"([a-z-]+)\"").matcher(dmn);
        List<String[]> yots = new ArrayList<>();
        while (m.find()) {
            yots.add(new String[] {m.group(1), m.group(2)});
        }
        return yots;
    }

    List<String> establishments() throws Exception {
        Matcher m = Pattern.compile("InputEntry_secure_establishment_\\d+_0\"><text>\"([a-z-]+)\"")
                .matcher(Files.readString(Path.of("bpmn", "secure-establishments.dmn")));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** A person (with a mail address, so mails are written as in service) on every team the mix uses. */
    void people(List<String[]> yots, List<String> establishments) throws Exception {
        TestPeople.person(engine, ADMIN, "camunda-admin");
        Set<String> consortia = new HashSet<>();
        for (String[] yot : yots) {
            TestPeople.mailable(engine, "yot." + yot[0], "yot-" + yot[0]);
            for (int member = 2; member <= TEAM_SIZE; member++) {
                TestPeople.mailable(engine, "yot." + yot[0] + "." + member, "yot-" + yot[0]);
            }
            TestPeople.mailable(engine, "manager." + yot[0], "yot-managers-" + yot[0]);
            consortia.add(yot[1]);
        }
        for (String consortium : consortia) {
            TestPeople.mailable(engine, "pm." + consortium, "pm-" + consortium);
            TestPeople.mailable(engine, "lead." + consortium, "sl-" + consortium);
        }
        for (String establishment : establishments) {
            TestPeople.mailable(engine, "custody." + establishment, "custody-" + establishment);
            for (int member = 2; member <= TEAM_SIZE; member++) {
                TestPeople.mailable(engine, "custody." + establishment + "." + member, "custody-" + establishment);
            }
            TestPeople.mailable(engine, "governor." + establishment, "governor-" + establishment);
        }
        for (String provider : List.of("accommodation", "ete", "health", "substance-misuse", "families")) {
            TestPeople.mailable(engine, "provider." + provider, "provider-" + provider);
        }
        // The teams' Tasklist filters are made at start-up for the teams that exist: make them now.
        ((ApplicationRunner) context.getBean("tasklistFilters")).run(null);
    }

    void deployBareProcesses() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(BARE_TIMER).count() > 0) {
            return;
        }
        engine.getRepositoryService().createDeployment().name("bench baseline")
                .addModelInstance(BARE + ".bpmn", Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Bare").name("Bare task").camundaCandidateGroups("bench-bare")
                        .endEvent().done())
                .addModelInstance(BARE_TIMER + ".bpmn", Bpmn.createExecutableProcess(BARE_TIMER).camundaHistoryTimeToLive(1)
                        .startEvent().intermediateCatchEvent("Timer_Bare").timerWithDuration("P30D")
                        .userTask("Task_AfterTimer").name("Bare task after timer").camundaCandidateGroups("bench-bare")
                        .endEvent().done())
                .deploy();
    }

    /**
     * Tops the database up to the size asked: journeys sentenced within the last week, over every
     * YOT and establishment; a third have consent recorded, a sixth are planned (meeting held and
     * needs assessed, each pathway needing support at random, so providers hold referrals).
     */
    double seed(List<String[]> yots, List<String> establishments) throws Exception {
        long have = sql.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ? and business_key_ like ?",
                Long.class, JourneyProcess.KEY, SEED_PREFIX + "%");
        int missing = (int) Math.max(0, JOURNEYS - have);
        if (missing == 0) {
            return -1;
        }
        AtomicInteger next = new AtomicInteger((int) have);
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        // Statistics refreshed every 30 s while the tables grow, as autovacuum would in service
        // (it is off on the machine this was written on): from empty tables the planner would scan.
        ScheduledExecutorService statistics = Executors.newSingleThreadScheduledExecutor();
        statistics.scheduleWithFixedDelay(this::analyze, 30, 30, TimeUnit.SECONDS);
        try {
            seedJourneys(yots, establishments, missing, next, done, start);
        } finally {
            statistics.shutdownNow();
        }
        return missing / ((System.nanoTime() - start) / 1e9);
    }

    void seedJourneys(List<String[]> yots, List<String> establishments, int missing, AtomicInteger next,
            AtomicInteger done, long start) throws Exception {
        parallel(missing, i -> {
            int n = next.getAndIncrement();
            Random r = new Random(n);
            String[] yot = yots.get(n % yots.size());
            ProcessInstance journey = JourneyScenario.start(engine, entry(SEED_PREFIX + yot[0].toUpperCase() + "-" + n, yot[0],
                    establishments.get(r.nextInt(establishments.size())), r));
            if (n % 3 == 0) {
                completeFirst(journey, "Task_RecordConsent", Map.of("consentToShare", "given"));
            }
            if (n % 6 == 0) {
                completeFirst(journey, "Task_HoldInitialPlanningMeeting", Map.of());
                Map<String, Object> needs = new HashMap<>();
                for (Pathway p : Pathway.values()) {
                    needs.put(p.variable(), r.nextInt(3) == 0 ? "support-required" : "support-not-required");
                }
                completeFirst(journey, "Task_AssessNeeds", needs);
            }
            int d = done.incrementAndGet();
            if (d % 1000 == 0) {
                System.out.printf("seeded %,d of %,d (%.1f/s)%n", d, missing, d / ((System.nanoTime() - start) / 1e9));
            }
        });
    }

    static Map<String, Object> entry(String reference, String yot, String establishment, Random r) {
        int[] lengths = {4, 6, 8, 10, 12, 18, 24};
        int months = lengths[r.nextInt(lengths.length)];
        LocalDate sentence = LocalDate.now().minusDays(r.nextInt(7));
        Map<String, Object> v = new HashMap<>();
        v.put("caseReference", reference);
        v.put("dateOfBirth", sentence.minusYears(14 + r.nextInt(3)).minusDays(r.nextInt(365)).toString());
        v.put("sentenceType", "DTO");
        v.put("sentenceLengthMonths", months);
        v.put("sentenceDate", sentence.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        v.put("releaseDate", sentence.plusMonths(months / 2).toString());
        v.put("homeYot", yot);
        v.put("establishment", establishment);
        return v;
    }

    void completeFirst(ProcessInstance journey, String taskKey, Map<String, Object> answers) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        Map<String, Object> vars = FormAnswers.requiredFor(engine, task.getId());
        vars.putAll(answers);
        engine.getTaskService().complete(task.getId(), vars);
    }

    void analyze() {
        sql.execute("analyze");
    }

    // --- latencies ----------------------------------------------------------------------------

    Latency latency(String user, String method, String path, String body) throws Exception {
        return latency(Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8))), method, path, body);
    }

    /**
     * A login to Tasklist as the browser makes it: open Tasklist (session and CSRF token), log in
     * with the token. Gives the headers its later calls send.
     */
    Map<String, String> tasklistLogin(String user) throws Exception {
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        keepCookies(page, cookies);
        String token = cookies.get("XSRF-TOKEN");
        if (token == null) {
            throw new IllegalStateException("Tasklist gave no CSRF token");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Cookie", cookieHeader(cookies)).header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + TestPeople.PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login to Tasklist as " + user + " answered " + login.statusCode());
        }
        // A login starts a new session, whose token comes with its first answer, as Tasklist's next
        // call (who is logged in) gets it.
        keepCookies(login, cookies);
        keepCookies(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default")).header("Cookie", cookieHeader(cookies)).build(),
                HttpResponse.BodyHandlers.ofString()), cookies);
        return Map.of("Cookie", cookieHeader(cookies), "X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", token));
    }

    static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String[] pair = cookie.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
    }

    static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList());
    }

    Latency latency(Map<String, String> credentials, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        credentials.forEach(request::header);
        request.header("Accept", path.contains("/filter/") && path.contains("/list") ? "application/hal+json"
                        : path.startsWith("/dashboard/return.csv") ? "text/csv"
                        : path.startsWith("/dashboard") ? "text/html" : "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest built = request.build();
        for (int i = 0; i < 3; i++) {
            send(built);
        }
        // At most CALLS calls, and no more than a minute of them: a query that takes seconds is
        // measured often enough to say so without holding the run for an hour.
        double[] millis = new double[CALLS];
        int calls = 0;
        long budget = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (calls < CALLS && (calls < 10 || System.nanoTime() < budget)) {
            long t = System.nanoTime();
            send(built);
            millis[calls++] = (System.nanoTime() - t) / 1e6;
        }
        return Latency.of(java.util.Arrays.copyOf(millis, calls));
    }

    void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    String filterId(String name) {
        Filter filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            throw new IllegalStateException("no filter '" + name + "'");
        }
        return filter.getId();
    }

    // --- rates --------------------------------------------------------------------------------

    record Rates(double service, double bare) {
        @Override
        public String toString() {
            return String.format("%.1f vs %.1f, %.0f %%", service, bare, 100 * service / bare);
        }
    }

    /**
     * The service's rate as its clients saw it, and with the mails its steps queued sent (the work
     * the job executor does after each step's commit), each against the bare engine's.
     */
    record ServiceRates(Rates asSeen, Rates withMailsSent) {
    }

    /** Enough steps to last several seconds (a hundred completions took two, within the noise). */
    int rateBatch() {
        return Math.max(20, Math.min(400, JOURNEYS * 2 / 5));
    }

    ServiceRates custodyEntryRates(List<String[]> yots, List<String> establishments) throws Exception {
        int batch = rateBatch();
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        double[] service = rateWithMails(batch, i -> {
            Random r = new Random(i);
            String[] yot = yots.get(r.nextInt(yots.size()));
            JourneyScenario.start(engine, entry("RATE-" + run + "-" + i, yot[0], establishments.get(r.nextInt(establishments.size())), r));
        });
        double bare = rate(batch, i -> engine.getRuntimeService().startProcessInstanceByKey(BARE, "RATE-" + run + "-" + i));
        return new ServiceRates(new Rates(service[0], bare), new Rates(service[1], bare));
    }

    /** How fast "Record consent" is completed against the bare engine's task, and the statements each took. */
    record Completions(ServiceRates rates, String statements) {
    }

    Completions completions() throws Exception {
        int batch = rateBatch();
        List<Task> consents = engine.getTaskService().createTaskQuery().processDefinitionKey(JourneyProcess.KEY)
                .taskDefinitionKey("Task_RecordConsent").listPage(0, batch);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Task t : consents) {
            answers.add(FormAnswers.requiredFor(engine, t.getId()));
        }
        StatementCounts statements = new StatementCounts(sql);
        statements.reset();
        double[] service = rateWithMails(consents.size(),
                i -> engine.getTaskService().complete(consents.get(i).getId(), answers.get(i)));
        double serviceStatements = statements.count() / (double) consents.size();
        statements.writeBusiest(Path.of("target", "bench", "statements-completions-" + JOURNEYS + ".md"),
                "Statements of " + consents.size() + " \"Record consent\" completions, their mails' sending included", consents.size());
        for (int i = 0; i < batch; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(BARE);
        }
        List<Task> bare = engine.getTaskService().createTaskQuery().processDefinitionKey(BARE).listPage(0, batch);
        statements.reset();
        double bareRate = rate(bare.size(), i -> engine.getTaskService().complete(bare.get(i).getId()));
        double bareStatements = statements.count() / (double) bare.size();
        return new Completions(new ServiceRates(new Rates(service[0], bareRate), new Rates(service[1], bareRate)),
                statements.versus(serviceStatements, bareStatements));
    }

    /**
     * Makes the service's soonest timers due at once and times the job executor draining them, then
     * the same number of bare-engine timers (each followed by one user task).
     */
    TimerDrain timerDrain() throws Exception {
        int count = Math.min(10_000, Math.max(50, JOURNEYS));
        List<Job> timers = engine.getManagementService().createJobQuery().timers().processDefinitionKey(JourneyProcess.KEY)
                .orderByJobDuedate().asc().listPage(0, count);
        StatementCounts statements = new StatementCounts(sql);
        statements.reset();
        double[] service = drainWithMails(timers);
        double serviceStatements = statements.count() / (double) timers.size();
        statements.writeBusiest(Path.of("target", "bench", "statements-timers-" + JOURNEYS + ".md"),
                "Statements of " + timers.size() + " due journey timers, acquisition and their mails' sending included", timers.size());
        Set<String> bareIds = new HashSet<>();
        for (int i = 0; i < timers.size(); i++) {
            bareIds.add(engine.getRuntimeService().startProcessInstanceByKey(BARE_TIMER).getId());
        }
        List<Job> bare = engine.getManagementService().createJobQuery().timers().processInstanceIds(bareIds).list();
        statements.reset();
        double bareRate = drain(bare);
        double bareStatements = statements.count() / (double) bare.size();
        return new TimerDrain(new ServiceRates(new Rates(service[0], bareRate), new Rates(service[1], bareRate)),
                statements.versus(serviceStatements, bareStatements));
    }

    /** How fast due timers drain against the bare engine's, and the statements each took. */
    record TimerDrain(ServiceRates rates, String statements) {
    }

    /** The baseline's instances go, so that the next run measures journeys, not leftovers. */
    void removeBareInstances() {
        for (String key : List.of(BARE, BARE_TIMER)) {
            List<String> ids;
            while (!(ids = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).listPage(0, 500)
                    .stream().map(ProcessInstance::getId).toList()).isEmpty()) {
                engine.getRuntimeService().deleteProcessInstances(ids, "benchmark baseline", true, true);
            }
        }
    }

    /**
     * The rate at which the timers drain, and counting until the mails their steps queued have left
     * the outbox (see {@link #rateWithMails}).
     */
    double[] drainWithMails(List<Job> timers) throws Exception {
        long start = System.nanoTime();
        double asSeen = drain(timers);
        awaitOutboxEmpty();
        return new double[] {asSeen, timers.size() / ((System.nanoTime() - start) / 1e9)};
    }

    double drain(List<Job> timers) throws Exception {
        Date due = new Date(System.currentTimeMillis() - 60_000);
        Set<String> ids = new HashSet<>();
        for (Job job : timers) {
            ids.add(job.getId());
        }
        // Made due in one statement, so the job executor sees them all at once.
        String[] idArray = ids.toArray(String[]::new);
        sql.update("update act_ru_job set duedate_ = ? where id_ in (select unnest(?::varchar[]))", due, idArray);
        // Woken as the engine wakes it for a job due now: made due behind its back, an idle job
        // executor found them only at its next poll, up to max-wait (10 s) later. Until 2026-12-07
        // that wait fell at random into either side's drain: one run measured journey timers at
        // 31 % of the bare engine's rate, the next at 66 %, with the same code.
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(20);
        while (System.nanoTime() < deadline) {
            // the job query's executable(), marked as the benchmark's own so that no count includes it
            long left = sql.queryForObject("select count(*) from act_ru_job " + StatementCounts.OWN
                    + " where id_ in (select unnest(?::varchar[])) and retries_ > 0 and (duedate_ is null or duedate_ <= ?)",
                    Long.class, idArray, new Date());
            if (left == 0) {
                break;
            }
            Thread.sleep(100);
        }
        return ids.size() / ((System.nanoTime() - start) / 1e9);
    }

    double rate(int count, IntConsumer action) throws Exception {
        long start = System.nanoTime();
        parallel(count, action);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The rate of {@code action} as its clients see it, and counting until the mails it queued have
     * left the outbox: their sending is part of what a step costs the service. Until 2026-12-07 only
     * the first was measured, and the bare engine's run that followed could share the machine with
     * the service's last mails.
     */
    double[] rateWithMails(int count, IntConsumer action) throws Exception {
        long start = System.nanoTime();
        parallel(count, action);
        double asSeen = count / ((System.nanoTime() - start) / 1e9);
        awaitOutboxEmpty();
        return new double[] {asSeen, count / ((System.nanoTime() - start) / 1e9)};
    }

    void awaitOutboxEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (sql.queryForObject("select count(*) from ttg_mail_outbox " + StatementCounts.OWN, Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox was not empty 10 minutes after the steps: is the job executor running?");
            }
            Thread.sleep(10);
        }
    }

    void parallel(int count, IntConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Callable<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        action.accept(i);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(clients)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    // --- size ---------------------------------------------------------------------------------

    /** Walks a few journeys to their end and weighs every history row of their cases. */
    /**
     * Years of history without years of seeding: the journeys' history rows (process instances,
     * steps, tasks, variables) copied with every instance id and case reference suffixed and every
     * time moved back, spread evenly over seven years, until {@code target} journeys are in
     * history. A copy still open is closed 18 months after it began, as old journeys are. Only the
     * dashboard is measured on it: it reads exactly these tables. Earlier copies are made afresh.
     */
    long historyOfSevenYears(int target) {
        String originals = "select id_ from act_hi_procinst where proc_def_key_ = '" + JourneyProcess.KEY
                + "' and id_ = root_proc_inst_id_ and id_ not like '%~%'";
        long perCopy = sql.queryForObject("select count(*) from (" + originals + ") o", Long.class);
        long have = sql.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ?", Long.class,
                JourneyProcess.KEY);
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst")) {
            sql.update("delete from " + table + " where id_ like '%~%'");
        }
        have = sql.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ?", Long.class, JourneyProcess.KEY);
        int copies = (int) Math.ceil((target - have) / (double) perCopy);
        Set<String> instanceIds = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_", "act_inst_id_",
                "parent_act_inst_id_", "task_id_", "parent_task_id_", "called_proc_inst_id_", "super_process_instance_id_",
                "business_key_");
        for (int k = 1; k <= copies; k++) {
            String suffix = "~" + k;
            int days = (int) ((long) k * 7 * 365 / copies);
            for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst")) {
                List<String> columns = new ArrayList<>();
                List<String> values = new ArrayList<>();
                sql.query("select column_name, data_type from information_schema.columns where table_name = ? order by ordinal_position",
                        rs -> {
                            String column = rs.getString(1);
                            columns.add(column);
                            if (instanceIds.contains(column)) {
                                // the unique end of an id kept (a step's id is its activity's id, a colon and
                                // the engine's id): the copy still fits the column's 64 characters
                                values.add("right(" + column + ", 58) || '" + suffix + "'");
                            } else if (rs.getString(2).startsWith("timestamp")) {
                                String shifted = column + " - interval '" + days + " days'";
                                values.add(table.equals("act_hi_procinst") && column.equals("end_time_")
                                        ? "coalesce(end_time_, start_time_ + interval '540 days') - interval '" + days + " days'"
                                        : shifted);
                            } else {
                                values.add(column);
                            }
                        }, table);
                sql.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                        + " from " + table + " where root_proc_inst_id_ in (" + originals + ")");
            }
            System.out.printf("history copy %d of %d (%d days back)%n", k, copies, days);
        }
        return sql.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ?", Long.class, JourneyProcess.KEY);
    }

    String historyPerClosedJourney() {
        int count = JOURNEYS >= 1000 ? 20 : 2;
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String reference = "CLOSED-" + run + "-" + i;
            var journey = JourneyScenario.start(engine, JourneyScenario.lewishamCase(reference));
            keepInContactUntilRelease(journey);
            WholeJourney.walkOn(engine, journey);
            references.add(reference);
        }
        String roots = "select id_ from act_hi_procinst where business_key_ in (select unnest(?::varchar[])) and id_ = root_proc_inst_id_";
        long bytes = 0;
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
                "act_hi_identitylink", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out", "act_hi_job_log", "act_hi_op_log",
                "act_hi_incident", "act_hi_comment", "act_hi_attachment", "act_ge_bytearray")) {
            Long size = sql.queryForObject("select coalesce(sum(pg_column_size(t.*)), 0) from " + table
                    + " t where root_proc_inst_id_ in (" + roots + ")", Long.class, (Object) references.toArray(String[]::new));
            bytes += size;
        }
        // what a journey's mails left: the mail log, not the engine's history (notification/MailLog)
        bytes += sql.queryForObject("select coalesce(sum(pg_column_size(t.*)), 0) from ttg_mail_log t"
                + " where case_reference in (select unnest(?::varchar[]))", Long.class, (Object) references.toArray(String[]::new));
        printHistoryByProcess(roots, references, count);
        return String.format("%.0f KB (%d walked to the end)", bytes / 1024.0 / count, count);
    }

    /** Where a closed journey's history lies: bytes per journey by process and table, largest first. */
    private void printHistoryByProcess(String roots, List<String> references, int count) {
        List<String> parts = new ArrayList<>();
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
                "act_hi_identitylink", "act_hi_detail")) {
            sql.query("select coalesce(proc_def_key_, '?'), count(*), sum(pg_column_size(t.*)) from " + table
                    + " t where root_proc_inst_id_ in (" + roots + ") group by 1", rs -> {
                        parts.add(String.format("%8.1f KB %6.1f rows  %-20s %s", rs.getLong(3) / 1024.0 / count,
                                rs.getLong(2) / (double) count, table, rs.getString(1)));
                    }, (Object) references.toArray(String[]::new));
        }
        sql.query("select count(*), coalesce(sum(pg_column_size(t.*)), 0) from ttg_mail_log t"
                + " where case_reference in (select unnest(?::varchar[]))", rs -> {
                    parts.add(String.format("%8.1f KB %6.1f rows  %-20s %s", rs.getLong(2) / 1024.0 / count,
                            rs.getLong(1) / (double) count, "ttg_mail_log", "(mails sent)"));
                }, (Object) references.toArray(String[]::new));
        parts.sort(java.util.Comparator.reverseOrder());
        System.out.println("history per closed journey, by table and process:");
        parts.forEach(System.out::println);
    }

    /** Every fortnightly contact in custody, each on its due day at 16:00 (within Feltham's weekday window). */
    /** Which engine line this build runs on (the Operaton build is a renamed copy of these sources). */
    private static String engineLine() {
        return ProcessEngine.class.getName().startsWith("org.camunda.") ? "Camunda 7" : "Operaton";
    }

    void keepInContactUntilRelease(org.camunda.bpm.engine.runtime.ProcessInstance journey) {
        var jobs = engine.getManagementService();
        while (jobs.createJobQuery().processInstanceId(journey.getId()).activityId("Timer_ContactInCustodyOpens").count() > 0) {
            JourneyScenario.fire(engine, journey, "Timer_ContactInCustodyOpens");
            Task contact = JourneyScenario.task(engine, journey, "Task_RecordContactInCustody");
            LocalDate due = contact.getDueDate().toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
            JourneyScenario.complete(engine, journey, "Task_RecordContactInCustody", "contactOn", due.toString(),
                    "contactAt", "16:00", "contactKind", "visit", "contactBy", "YOT case worker");
        }
    }

    String heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format("%.0f MB", used / 1024.0 / 1024.0);
    }

    long journeys() {
        return sql.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ?", Long.class, JourneyProcess.KEY);
    }

    long running() {
        return sql.queryForObject("select count(*) from act_ru_execution where proc_def_key_ = ? and parent_id_ is null",
                Long.class, JourneyProcess.KEY);
    }
}
