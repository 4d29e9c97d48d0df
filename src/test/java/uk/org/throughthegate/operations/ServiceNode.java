package uk.org.throughthegate.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The service as an operator runs it: a JVM of its own (the test's class path, the {@code postgres}
 * and {@code demo} profiles) on a PostgreSQL database and a real SMTP server, which a test can kill
 * with SIGKILL, start again, or run twice on one database.
 */
final class ServiceNode implements AutoCloseable {

    static final String PASSWORD = "demo";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    final int managementPort;
    private final List<String> command;
    private final Path log;
    private Process process;

    private ServiceNode(String name, List<String> command, int port, int managementPort, Path log) {
        this.name = name;
        this.command = command;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * A node named {@code name} (its host name in the engine's job log) on the given database and
     * SMTP port. Jobs a killed node had locked are taken up again by a live one after 15 s (the
     * engine's default is 5 minutes), so a test need not wait that long.
     */
    static ServiceNode on(String name, String databaseUrl, int smtpPort) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classPath,
                "uk.org.throughthegate.ThroughTheGateApplication",
                "--spring.profiles.active=postgres,demo",
                "--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                "--camunda.bpm.job-execution.max-wait=2000"));
        Path log = Files.createTempFile("ttg-node-" + name + "-", ".log");
        return new ServiceNode(name, command, port, managementPort, log);
    }

    ServiceNode start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** Waits until readiness answers UP (database and job executor working); fails with the log's tail if it never does. */
    ServiceNode awaitReady(Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " stopped while starting:\n" + logTail());
            }
            try {
                var readiness = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200 && readiness.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + name + " not ready within " + within + ":\n" + logTail());
    }

    /** SIGKILL: no shutdown hook, no transaction finished, as a power cut or the OOM killer would do it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    HttpResponse<String> call(String user, String method, String path, String json) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
