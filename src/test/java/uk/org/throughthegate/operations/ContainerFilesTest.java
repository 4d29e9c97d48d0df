package uk.org.throughthegate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image and the compose file, read as Docker would read them where no Docker engine runs (as
 * on the CI machine; where one does, {@code docker compose config} checks the same). The layered
 * start itself is tried by {@code .ci/run}, which extracts the jar as the Dockerfile does and
 * starts it from the layers.
 */
class ContainerFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheImageBuiltHereWithPostgresAndMailpit() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "mailpit", "service");

        Map<String, Object> service = services.get("service");
        assertThat(service.get("build")).as("the image of ./Dockerfile, not Maven at every start").isEqualTo(".");
        assertThat(service).doesNotContainKeys("command", "volumes");
        Map<String, String> environment = (Map<String, String>) service.get("environment");
        assertThat(environment).containsEntry("TTG_DB_URL", "jdbc:postgresql://postgres:5432/through_the_gate")
                .containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("TZ", "Europe/London");
        assertThat(environment.get("TTG_ADMIN_PASSWORD")).as("no default password").startsWith("${TTG_ADMIN_PASSWORD:?");
        assertThat(environment.get("TTG_DB_PASSWORD")).startsWith("${TTG_DB_PASSWORD:?");
        assertThat((List<String>) service.get("ports")).contains("8080:8080", "127.0.0.1:8081:8081");
        assertThat((List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test"))
                .contains("http://localhost:8081/actuator/health/readiness");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
        assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        assertThat(services.get("postgres")).containsKey("healthcheck");
    }

    @Test
    void theImageIsMultiStageLayeredUnprivilegedAndChecksItsOwnReadiness() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).hasSize(2);
        assertThat(lines).anyMatch(l -> l.contains("COPY bpmn bpmn")).anyMatch(l -> l.contains("COPY forms forms"))
                .anyMatch(l -> l.contains("-Djarmode=tools") && l.contains("extract --layers --launcher"))
                .anyMatch(l -> l.startsWith("COPY --from=build /layers/application/"))
                .anyMatch(l -> l.equals("USER 10001"))
                .anyMatch(l -> l.contains("curl -fsS http://localhost:8081/actuator/health/readiness"))
                .anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("org.springframework.boot.loader.launch.JarLauncher"));
        int user = lines.indexOf("USER 10001");
        assertThat(lines.subList(user, lines.size())).as("nothing runs as root after USER").noneMatch(l -> l.startsWith("RUN "));
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("target/", "data/");
    }
}
