package uk.org.throughthegate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import uk.org.throughthegate.journey.JourneyProcess;
import uk.org.throughthegate.contexts.TestPostgres;

/**
 * Faults an operator meets, tried on the service as it runs: its own JVMs on a PostgreSQL database
 * of their own and a real SMTP server (GreenMail). What the people using it were told happened
 * (an entry answered 201, a completion 204) must still be there after a crash; every job runs once
 * whichever node takes it. The figures are printed for the README's "What it survives".
 */
@Tag("postgres")
class NodeFaultsTest {

    static final String DATABASE = "through_the_gate_faults";
    static final Duration START = Duration.ofMinutes(4);

    GreenMail smtp;
    String databaseUrl;
    final List<ServiceNode> nodes = new ArrayList<>();
    final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }

    @BeforeEach
    void freshDatabaseAndMailServer() throws Exception {
        String server = TestPostgres.URL.substring(0, TestPostgres.URL.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server + "postgres", user(), password())) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE);
            c.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
        databaseUrl = server + DATABASE;
        smtp = new GreenMail(new ServerSetup(ServiceNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ServiceNode node : nodes) {
            node.close();
        }
        smtp.stop();
    }

    /**
     * Journeys entered and consent recorded by two clients while the node is killed with SIGKILL:
     * after a restart every acknowledged entry and completion is there, every journey has the
     * timers of a journey entered after the crash, due on the same dates, and every queued mail
     * arrives. Timers falling due one every 300 ms from before the crash to after the restart each
     * fire once, none before its time, those due while the node was down soon after it is back.
     */
    @Test
    void aNodeKilledUnderLoadLosesNothingItAcknowledged() throws Exception {
        ServiceNode node = node("node-a").start().awaitReady(START);
        HttpResponse<String> deployed = deployProbe(node);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        // Timers falling due before the crash, while the node is down and after it is back.
        Map<String, Instant> probes = startProbes(node, 300, Instant.now().plusSeconds(5), Duration.ofMillis(300));
        List<String> entered = Collections.synchronizedList(new ArrayList<>());
        List<String> consented = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<?> entering = clients.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                String reference = "KILL-" + run + "-" + i;
                if (answered(() -> node.call("yot.lewisham", "POST", "/api/journeys", journey(reference))) == 201) {
                    entered.add(reference);
                }
            }
            return null;
        });
        Future<?> consenting = clients.submit(() -> {
            int next = 0;
            while (!stop.get()) {
                if (next >= entered.size()) {
                    Thread.sleep(50);
                    continue;
                }
                String reference = entered.get(next++);
                try {
                    if (recordConsent(node, reference)) {
                        consented.add(reference);
                    }
                } catch (java.io.IOException noAnswer) {
                    // the node died under the call: not acknowledged
                }
            }
            return null;
        });
        waitUntil(Duration.ofMinutes(3), () -> entered.size() >= 40 && consented.size() >= 15);

        node.kill();
        Instant killed = Instant.now();
        Thread.sleep(1000); // the clients see refused connections: nothing more is acknowledged
        stop.set(true);
        entering.get(1, TimeUnit.MINUTES);
        consenting.get(1, TimeUnit.MINUTES);
        clients.shutdown();

        node.start().awaitReady(START);
        Duration backIn = Duration.between(killed, Instant.now());
        String fresh = "KILL-" + run + "-CONTROL";
        assertThat(answered(() -> node.call("yot.lewisham", "POST", "/api/journeys", journey(fresh)))).isEqualTo(201);
        String freshConsented = "KILL-" + run + "-CONTROL-C";
        assertThat(answered(() -> node.call("yot.lewisham", "POST", "/api/journeys", journey(freshConsented)))).isEqualTo(201);
        assertThat(recordConsent(node, freshConsented)).isTrue();

        try (Connection db = database()) {
            List<String> lostEntries = entered.stream().filter(r -> count(db, "select count(*) from ACT_RU_EXECUTION "
                    + "where BUSINESS_KEY_ = ? and PARENT_ID_ is null and PROC_DEF_ID_ like 'resettlement-journey:%'", r) != 1).toList();
            assertThat(lostEntries).as("acknowledged entries missing after the crash").isEmpty();
            List<String> lostConsents = consented.stream().filter(r -> count(db, "select count(*) from ACT_HI_TASKINST T "
                    + "join ACT_HI_PROCINST P on T.PROC_INST_ID_ = P.ID_ where P.BUSINESS_KEY_ = ? "
                    + "and T.TASK_DEF_KEY_ = 'Task_RecordConsent' and T.END_TIME_ is not null", r) != 1).toList();
            assertThat(lostConsents).as("acknowledged completions missing after the crash").isEmpty();

            // Timers: every journey has those of a journey at the same stage entered after the crash.
            List<String> before = timers(db, fresh);
            List<String> after = timers(db, freshConsented);
            assertThat(before).isNotEmpty();
            for (String reference : entered) {
                // a consent whose answer the kill cut off may have committed: the database says which stage it is at
                boolean consentDone = count(db, "select count(*) from ACT_HI_TASKINST T join ACT_HI_PROCINST P "
                        + "on T.PROC_INST_ID_ = P.ID_ where P.BUSINESS_KEY_ = ? and T.TASK_DEF_KEY_ = 'Task_RecordConsent' "
                        + "and T.END_TIME_ is not null", reference) == 1;
                assertThat(timers(db, reference)).as("timers of " + reference).isEqualTo(consentDone ? after : before);
            }
        }

        // A timer job the killed node had taken stays locked to it until its lock expires
        // (lock-time-in-millis); then the node that is back takes it.
        Duration lockTime = Duration.ofMinutes(2);
        Fired fired;
        try (Connection db = database()) {
            waitUntil(backIn.plus(lockTime).plusMinutes(1),
                    () -> count(db, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'fault-probe'") == 0);
            fired = fired(db, probes, killed, killed.plus(backIn));
        }

        waitUntil(Duration.ofMinutes(3), () -> queuedMails() == 0);
        Mails mails = newTaskMails(entered);
        System.out.printf("FAULT kill -9: %d entries and %d consents acknowledged before SIGKILL; back and ready in %d s; "
                + "entries lost 0, completions lost 0, Record consent mails lost %d, sent twice %d; "
                + "%d timers: %d fell due while the node was down, %d never fired, %d fired twice, %d early, "
                + "latest %d s after its due time%n",
                entered.size(), consented.size(), backIn.toSeconds(), mails.lost().size(), mails.sentTwice(),
                probes.size(), fired.dueWhileDown(), fired.never().size(), fired.twice().size(), fired.early().size(),
                fired.latest().toSeconds());
        assertThat(fired.dueWhileDown()).as("timers due while the node was down").isPositive();
        assertThat(fired.never()).as("timers that never fired").isEmpty();
        assertThat(fired.twice()).as("timers that fired twice").isEmpty();
        assertThat(fired.early()).as("timers that fired before their due time").isEmpty();
        assertThat(fired.latest()).as("the latest timer, after its due time")
                .isLessThanOrEqualTo(backIn.plus(lockTime).plusSeconds(30));
        mails.noneLostAndEachShownOnce();
    }

    /** Probe processes, each waiting on a timer; the first due at {@code first}, then one every {@code gap}. */
    private Map<String, Instant> startProbes(ServiceNode node, int count, Instant first, Duration gap) throws Exception {
        Map<String, Instant> probes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String reference = "PROBE-" + run + "-" + i;
            Instant due = first.plus(gap.multipliedBy(i));
            HttpResponse<String> started = node.call("owner", "POST", "/engine-rest/process-definition/key/fault-probe/start",
                    "{\"businessKey\":\"" + reference + "\",\"variables\":{\"dueAt\":{\"value\":\"" + due
                            + "\",\"type\":\"String\"}}}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            probes.put(reference, due);
        }
        return probes;
    }

    /** How the probes' timers fired: by business key, the end times of their timer step. */
    record Fired(int dueWhileDown, List<String> never, List<String> twice, List<String> early, Duration latest) {
    }

    private static Fired fired(Connection db, Map<String, Instant> probes, Instant down, Instant up) throws SQLException {
        List<String> never = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> early = new ArrayList<>();
        Duration latest = Duration.ZERO;
        int dueWhileDown = 0;
        for (var probe : probes.entrySet()) {
            Instant due = probe.getValue();
            if (!due.isBefore(down) && due.isBefore(up)) {
                dueWhileDown++;
            }
            List<Instant> ends = new ArrayList<>();
            try (var q = db.prepareStatement("select A.END_TIME_ from ACT_HI_ACTINST A join ACT_HI_PROCINST P "
                    + "on A.PROC_INST_ID_ = P.ID_ where P.BUSINESS_KEY_ = ? and A.ACT_ID_ = 'Timer_Probe' and A.END_TIME_ is not null")) {
                q.setString(1, probe.getKey());
                try (var rows = q.executeQuery()) {
                    while (rows.next()) {
                        ends.add(rows.getTimestamp(1).toInstant());
                    }
                }
            }
            if (ends.isEmpty()) {
                never.add(probe.getKey());
                continue;
            }
            if (ends.size() > 1) {
                twice.add(probe.getKey());
            }
            // The engine stores times to the millisecond; the due time was written to the millisecond too.
            if (ends.get(0).isBefore(due.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))) {
                early.add(probe.getKey() + " due " + due + " fired " + ends.get(0));
            }
            Duration late = Duration.between(due, ends.get(0));
            latest = late.compareTo(latest) > 0 ? late : latest;
        }
        return new Fired(dueWhileDown, never, twice, early, latest);
    }

    /**
     * Two nodes on one database: a model deployed on one is started on the other; 1,000 timers due
     * at the same moment fire once each, both nodes taking part; each journey's mail goes once; a
     * new version of the journey deployed on one node, its journeys moved from the other, runs on
     * the first.
     */
    @Test
    void twoNodesOnOneDatabaseRunEachTimerAndSendEachMailOnce() throws Exception {
        ServiceNode a = node("node-a").start().awaitReady(START);
        ServiceNode b = node("node-b").start().awaitReady(START);

        HttpResponse<String> deployed = deployProbe(a);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        int timers = 1000;
        String dueAt = Instant.now().plusSeconds(60).toString();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < timers; i++) {
            ServiceNode via = i % 2 == 0 ? b : a;
            starts.add(clients.submit(() -> answered(() -> via.call("owner", "POST",
                    "/engine-rest/process-definition/key/fault-probe/start",
                    "{\"variables\":{\"dueAt\":{\"value\":\"" + dueAt + "\",\"type\":\"String\"}}}"))));
        }
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ServiceNode via = i % 2 == 0 ? a : b;
            String reference = "TWO-" + run + "-" + i;
            references.add(reference);
            starts.add(clients.submit(() -> answered(() -> via.call("yot.lewisham", "POST", "/api/journeys", journey(reference)))));
        }
        for (Future<Integer> start : starts) {
            assertThat(start.get(5, TimeUnit.MINUTES)).isIn(200, 201);
        }
        clients.shutdown();
        Instant allDue = Instant.parse(dueAt);

        try (Connection db = database()) {
            waitUntil(Duration.ofMinutes(5), () -> count(db, "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'fault-probe'") == 0);
            Duration drained = Duration.between(allDue, Instant.now());
            long fired = count(db, "select count(*) from ACT_HI_ACTINST where PROC_DEF_KEY_ = 'fault-probe' "
                    + "and ACT_ID_ = 'Timer_Probe' and END_TIME_ is not null");
            long twice = count(db, "select count(*) from (select PROC_INST_ID_ from ACT_HI_ACTINST where PROC_DEF_KEY_ = "
                    + "'fault-probe' and ACT_ID_ = 'Timer_Probe' group by PROC_INST_ID_ having count(*) > 1) T");
            long ended = count(db, "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'fault-probe' and END_TIME_ is not null");
            long incidents = count(db, "select count(*) from ACT_RU_INCIDENT");
            double executedByA = executedJobs(a);
            double executedByB = executedJobs(b);
            waitUntil(Duration.ofMinutes(3), () -> queuedMails() == 0);
            Mails mails = newTaskMails(references);
            System.out.printf("FAULT two nodes: %d timers fired (%d twice), %d probes ended, drained %d s after falling due; "
                    + "jobs executed by node-a %.0f, node-b %.0f; mails lost %d, sent twice %d; incidents %d%n",
                    fired, twice, ended, drained.toSeconds(), executedByA, executedByB, mails.lost().size(), mails.sentTwice(), incidents);
            assertThat(fired).as("timers fired").isEqualTo(timers);
            assertThat(twice).as("timers fired twice").isZero();
            assertThat(ended).isEqualTo(timers);
            assertThat(executedByA).as("jobs executed by node-a").isPositive();
            assertThat(executedByB).as("jobs executed by node-b").isPositive();
            assertThat(mails.lost()).as("journeys whose new-task mail never came").isEmpty();
            assertThat(mails.sentTwice()).as("with no crash, no mail is sent twice").isZero();
            assertThat(incidents).isZero();
        }

        // A process owner's new version of the journey, deployed on one node and its running
        // journeys moved from the other: the first node carries them on in the new version.
        String renamed = "Hold the initial planning meeting (family invited)";
        String version2 = Files.readString(Path.of("bpmn/resettlement-journey.bpmn"))
                .replace("name=\"Hold the initial planning meeting\"", "name=\"" + renamed + "\"");
        assertThat(version2).contains(renamed);
        HttpResponse<String> deployedOnA = deploy(a, "resettlement-journey.bpmn", version2);
        assertThat(deployedOnA.statusCode()).as(deployedOnA.body()).isEqualTo(200);
        HttpResponse<String> migratedOnB = b.call("owner", "POST", "/api/migrations/" + JourneyProcess.KEY, null);
        assertThat(migratedOnB.statusCode()).as(migratedOnB.body()).isEqualTo(200);
        String first = references.get(0);
        assertThat(migratedOnB.body()).as("each journey of this run moved").contains(references.stream()
                .map(reference -> "\"caseReference\":\"" + reference + "\"").toArray(String[]::new))
                .doesNotContain("\"migrated\":false");
        assertThat(recordConsent(a, first)).as("consent recorded on the other node").isTrue();
        HttpResponse<String> next = a.call("yot.lewisham", "GET", "/engine-rest/task?processInstanceBusinessKey=" + first, null);
        assertThat(next.body()).as("the next step, in the version node-b moved it to").contains(renamed);
    }

    /**
     * PostgreSQL stopped under the service for 20 s and started again: meanwhile requests answer 503
     * within seconds (not 500, not a hang) and readiness is down; afterwards the same process is
     * ready again by itself, takes entries, and every journey's mail arrives once.
     */
    @Test
    void postgresqlRestartedUnderTheServiceAnswers503ThenRecoversWithoutARestart() throws Exception {
        assumeTrue(POSTGRES_CONTROL != null, "pg_ctlcluster is not available to this user: the restart is tried by .ci/run as root");
        ServiceNode node = node("node-a").start().awaitReady(START);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String reference = "PGR-" + run + "-" + i;
            assertThat(answered(() -> node.call("yot.lewisham", "POST", "/api/journeys", journey(reference)))).isEqualTo(201);
            references.add(reference);
        }

        Map<String, String> duringOutage = new java.util.LinkedHashMap<>();
        long slowestAnswerMillis = 0;
        postgres("stop", "-m", "fast");
        try {
            Thread.sleep(2000);
            for (var call : List.of(
                    new String[] {"POST", "/api/journeys", journey("PGR-" + run + "-DOWN")},
                    new String[] {"GET", "/engine-rest/task?candidateGroup=yot-lewisham", null},
                    new String[] {"GET", "/engine-rest/process-instance/count", null})) {
                long started = System.nanoTime();
                HttpResponse<String> answer = node.call("yot.lewisham", call[0], call[1], call[2]);
                long millis = (System.nanoTime() - started) / 1_000_000;
                slowestAnswerMillis = Math.max(slowestAnswerMillis, millis);
                duringOutage.put(call[0] + " " + call[1], answer.statusCode() + " in " + millis + " ms");
                assertThat(answer.statusCode()).as(call[0] + " " + call[1] + " while the database is away: " + answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.body()).contains("nothing was changed");
            }
            assertThat(readiness(node)).as("readiness while the database is away").isEqualTo(503);
            Thread.sleep(18_000);
        } finally {
            postgres("start");
        }
        Instant back = Instant.now();
        node.awaitReady(Duration.ofMinutes(2));
        Duration readyAgain = Duration.between(back, Instant.now());

        String after = "PGR-" + run + "-AFTER";
        assertThat(answered(() -> node.call("yot.lewisham", "POST", "/api/journeys", journey(after)))).isEqualTo(201);
        references.add(after);
        waitUntil(Duration.ofMinutes(3), () -> queuedMails() == 0);
        Mails mails = newTaskMails(references);
        try (Connection db = database()) {
            assertThat(count(db, "select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ like ? and PARENT_ID_ is null "
                    + "and PROC_DEF_ID_ like 'resettlement-journey:%'",
                    "PGR-" + run + "-%")).as("journeys after the restart").isEqualTo(references.size());
        }
        System.out.printf("FAULT PostgreSQL stopped 20 s: answers %s; readiness 503; ready again %d s after PostgreSQL was back, "
                + "same process; %d journeys: mails lost %d, sent twice %d%n", duringOutage, readyAgain.toSeconds(),
                references.size(), mails.lost().size(), mails.sentTwice());
        assertThat(slowestAnswerMillis).as("no request hangs while the database is away").isLessThan(15_000);
        mails.noneLostAndEachShownOnce();
    }

    /** pg_ctlcluster for this machine's one cluster, where this user may run it (root, as in CI); else null. */
    static final List<String> POSTGRES_CONTROL = postgresControl();

    private static List<String> postgresControl() {
        java.nio.file.Path control = java.nio.file.Path.of("/usr/bin/pg_ctlcluster");
        java.io.File[] versions = new java.io.File("/etc/postgresql").listFiles(java.io.File::isDirectory);
        if (!java.nio.file.Files.isExecutable(control) || !"root".equals(System.getProperty("user.name"))
                || versions == null || versions.length != 1) {
            return null;
        }
        return List.of(control.toString(), "--skip-systemctl-redirect", versions[0].getName(), "main");
    }

    private static void postgres(String... action) throws Exception {
        // pg_ctlcluster [options] <version> <cluster> <action> [action options]
        List<String> command = new ArrayList<>(POSTGRES_CONTROL);
        command.addAll(List.of(action));
        Process control = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(control.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(control.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        if (action[0].equals("start")) {
            String server = TestPostgres.URL.substring(0, TestPostgres.URL.lastIndexOf('/') + 1);
            waitUntil(Duration.ofSeconds(60), () -> {
                try (Connection c = DriverManager.getConnection(server + "postgres", user(), password())) {
                    return c.isValid(2);
                } catch (SQLException notYet) {
                    return false;
                }
            });
        }
    }

    private static int readiness(ServiceNode node) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.managementPort
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(20)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private ServiceNode node(String name) throws Exception {
        ServiceNode node = ServiceNode.on(name, databaseUrl, smtp.getSmtp().getPort());
        nodes.add(node);
        return node;
    }

    private static String journey(String reference) {
        return """
                {"caseReference": "%s", "dateOfBirth": "2010-05-05", "sentenceType": "DTO", "sentenceLengthMonths": 8,
                 "sentenceDate": "2026-12-18", "releaseDate": "2027-04-01", "homeYot": "lewisham", "establishment": "feltham"}
                """.formatted(reference);
    }

    /** Claims and completes the journey's "Record consent" as its YOT; true if both were acknowledged. */
    private static boolean recordConsent(ServiceNode node, String reference) throws Exception {
        HttpResponse<String> tasks = node.call("yot.lewisham", "GET", "/engine-rest/task?processInstanceBusinessKey="
                + reference + "&taskDefinitionKey=Task_RecordConsent", null);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(tasks.body());
        if (tasks.statusCode() != 200 || !id.find()) {
            return false;
        }
        String task = id.group(1);
        return node.call("yot.lewisham", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"yot.lewisham\"}").statusCode() == 204
                && node.call("yot.lewisham", "POST", "/engine-rest/task/" + task + "/complete",
                        "{\"variables\":{\"consentToShare\":{\"value\":\"given\"},\"consentExplained\":{\"value\":true},\"lookedAfter\":{\"value\":\"no\"},\"yotCaseWorker\":{\"value\":\"Sam\"},"
                        + "\"yotCaseWorkerContact\":{\"value\":\"020 8314 0000\"},\"yotResettlementContact\":{\"value\":\"Lead\"}}}").statusCode() == 204;
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    /** The status a client saw; 0 when the call never got an answer (the node was down). */
    private static int answered(Call call) {
        try {
            return call.call().statusCode();
        } catch (Exception noAnswer) {
            return 0;
        }
    }

    private static HttpResponse<String> deployProbe(ServiceNode node) throws Exception {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Probe" targetNamespace="http://throughthegate.org.uk/faults">
                  <bpmn:process id="fault-probe" name="Fault probe" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start_Probe"/>
                    <bpmn:intermediateCatchEvent id="Timer_Probe">
                      <bpmn:timerEventDefinition><bpmn:timeDate>${dueAt}</bpmn:timeDate></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:endEvent id="End_Probe"/>
                    <bpmn:sequenceFlow id="F1" sourceRef="Start_Probe" targetRef="Timer_Probe"/>
                    <bpmn:sequenceFlow id="F2" sourceRef="Timer_Probe" targetRef="End_Probe"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        return deploy(node, "fault-probe.bpmn", bpmn);
    }

    /** A deployment through the engine REST, as Camunda Modeler makes it, by a process owner. */
    private static HttpResponse<String> deploy(ServiceNode node, String file, String content) throws Exception {
        String boundary = "----probe" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + file + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + file + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.port
                        + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("owner:" + ServiceNode.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double executedJobs(ServiceNode node) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.managementPort
                + "/actuator/prometheus")).build();
        String metrics = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher executed = Pattern.compile("(?m)^camunda_jobs_executed_total(\\{[^}]*})? ([0-9.E+]+)$").matcher(metrics);
        return executed.find() ? Double.parseDouble(executed.group(2)) : 0;
    }

    /** A journey's timer jobs: where each waits and when it is due, in order. */
    private static List<String> timers(Connection db, String reference) {
        List<String> timers = new ArrayList<>();
        try (var q = db.prepareStatement("select J.HANDLER_CFG_, J.DUEDATE_ from ACT_RU_JOB J join ACT_RU_EXECUTION P "
                + "on J.PROCESS_INSTANCE_ID_ = P.ID_ where P.BUSINESS_KEY_ = ? and P.PARENT_ID_ is null and J.TYPE_ = 'timer' "
                // a mail waiting behind an earlier one to the same person is no deadline of the case
                + "and J.PROCESS_DEF_KEY_ <> '" + uk.org.throughthegate.notification.SendMailProcess.KEY + "' "
                + "order by J.HANDLER_CFG_, J.DUEDATE_")) {
            q.setString(1, reference);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    timers.add(rows.getString(1) + "@" + rows.getTimestamp(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return timers;
    }

    private long queuedMails() throws SQLException {
        try (Connection db = database()) {
            return count(db, "select (select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'send-mail')"
                    + " + (select count(*) from ttg_mail_outbox)");
        }
    }

    private Map<String, Integer> mailsBySubject() throws Exception {
        Map<String, Integer> bySubject = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            bySubject.merge(mail.getSubject(), 1, Integer::sum);
        }
        return bySubject;
    }

    /**
     * The "Record consent" mails of these journeys as the mail server received them: which never
     * came, how many came twice, how many Message-IDs each had.
     */
    record Mails(List<String> lost, int sentTwice, Map<String, Integer> messageIds) {

        /**
         * A sender that dies after the mail server took its mail but before its commit (a killed
         * node, the database gone) leaves the mail to be sent again, with the same Message-ID,
         * which mail servers and clients show once. What can be caught so: the page each of the
         * outbox's two senders holds (up to 25 mails each, sent and committed together:
         * notification/OutboxSender), and one mail per job executor thread retrying a mail in its
         * own process (max-pool-size 8). Until 2026-12-07 every mail went by a job and the bound
         * was 8; a kill on the Operaton line then caught 11, within one page.
         */
        void noneLostAndEachShownOnce() {
            assertThat(lost).as("journeys whose new-task mail never came").isEmpty();
            assertThat(messageIds.values()).as("Message-IDs per mail").allMatch(ids -> ids == 1);
            assertThat(sentTwice).as("mails sent twice").isLessThanOrEqualTo(2 * 25 + 8);
        }
    }

    private Mails newTaskMails(List<String> references) throws Exception {
        Map<String, Integer> bySubject = mailsBySubject();
        Map<String, java.util.Set<String>> ids = messageIdsBySubject();
        List<String> lost = new ArrayList<>();
        int twice = 0;
        Map<String, Integer> idCounts = new HashMap<>();
        for (String reference : references) {
            String subject = "New task: Record consent to share information (case " + reference + ")";
            int received = bySubject.getOrDefault(subject, 0);
            if (received == 0) {
                lost.add(reference);
            } else {
                idCounts.put(reference, ids.get(subject).size());
            }
            twice += Math.max(0, received - 1);
        }
        return new Mails(lost, twice, idCounts);
    }

    private Map<String, java.util.Set<String>> messageIdsBySubject() throws Exception {
        Map<String, java.util.Set<String>> ids = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            ids.computeIfAbsent(mail.getSubject(), s -> new java.util.HashSet<>()).add(mail.getMessageID());
        }
        return ids;
    }

    private static long count(Connection db, String sql, String... parameters) {
        try (var q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setString(i + 1, parameters[i]);
            }
            try (var rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Condition {
        boolean met() throws Exception;
    }

    private static void waitUntil(Duration within, Condition condition) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.met()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not met within " + within);
            }
            Thread.sleep(500);
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, user(), password());
    }

    private static String user() {
        return System.getenv().getOrDefault("TTG_TEST_DB_USER", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("TTG_TEST_DB_PASSWORD", "");
    }
}
