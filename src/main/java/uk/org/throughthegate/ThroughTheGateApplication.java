package uk.org.throughthegate;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Deploys bpmn/ and forms/ as one process archive (see META-INF/processes.xml): only changed
 * files make a new version, and running journeys keep the version they started on.
 */
@SpringBootApplication
@EnableProcessApplication("through-the-gate")
public class ThroughTheGateApplication {

    public static void main(String[] args) {
        SpringApplication.run(ThroughTheGateApplication.class, args);
    }
}
