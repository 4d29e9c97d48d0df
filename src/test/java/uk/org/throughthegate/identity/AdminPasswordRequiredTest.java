package uk.org.throughthegate.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import uk.org.throughthegate.ThroughTheGateApplication;

class AdminPasswordRequiredTest {

    @ParameterizedTest(name = "admin password \"{0}\" is refused")
    @ValueSource(strings = {"", "demo", "admin", "Password"})
    void thePostgresProfileRefusesToStartWithoutARealAdminPassword(String password) {
        var app = new SpringApplicationBuilder(ThroughTheGateApplication.class)
                .profiles("postgres")
                .properties("camunda.bpm.admin-user.password=" + password, "server.port=0");

        assertThatThrownBy(app::run).hasStackTraceContaining("Set TTG_ADMIN_PASSWORD");
    }
}
