package uk.org.throughthegate.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.journey.JourneyScenario;

@SpringBootTest
@ActiveProfiles("test")
class ConsortiumStandardsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ConsortiumStandards standards;

    @Test
    void everyYotInTheFourConsortiaHasItsConsortium() {
        assertThat(standards.homeYot("lewisham")).get().extracting(ConsortiumStandards.HomeYot::consortium).isEqualTo("south-london");
        assertThat(standards.homeYot("waltham-forest")).get().extracting(ConsortiumStandards.HomeYot::consortium).isEqualTo("north-east-london");
        assertThat(standards.homeYot("rotherham")).get().extracting(ConsortiumStandards.HomeYot::consortium).isEqualTo("south-west-yorkshire");
        assertThat(standards.homeYot("northamptonshire")).get().extracting(ConsortiumStandards.HomeYot::consortium).isEqualTo("east-midlands");
        assertThat(standards.homeYot("narnia")).isEmpty();
    }

    @Test
    void aConsortiumWithoutARowGetsTheNationalDefaults() {
        Standards defaults = standards.standardsFor("somewhere-new");
        assertThat(defaults.accommodationLead()).isEqualTo(Period.ofWeeks(2));
        assertThat(defaults.ipmWorkingDays()).isEqualTo(10);
        assertThat(standards.standardsFor("south-west-yorkshire").temporaryAccommodationAccepted()).isFalse();
    }

    @Test
    void aProcessOwnerWhoChangesTheTableMovesTheDeadlinesOfNewJourneys() throws Exception {
        var before = JourneyScenario.start(engine, JourneyScenario.lewishamCase("LEW-TABLE-1"));
        assertThat(engine.getRuntimeService().getVariable(before.getId(), "accommodationDue")).isEqualTo("2027-02-18");

        String table = Files.readString(Path.of("bpmn/consortium-standards.dmn"));
        String eightWeeks = table.replaceFirst("<text>\"P6W\"</text>", "<text>\"P8W\"</text>");
        assertThat(eightWeeks).isNotEqualTo(table);
        Deployment edited = engine.getRepositoryService().createDeployment().name("process owner's edit")
                .addString("consortium-standards.dmn", eightWeeks).deploy();
        try {
            var after = JourneyScenario.start(engine, JourneyScenario.lewishamCase("LEW-TABLE-2"));
            assertThat(engine.getRuntimeService().getVariable(after.getId(), "accommodationDue"))
                    .as("South London's lead time is now 8 weeks").isEqualTo("2027-02-04");
        } finally {
            engine.getRepositoryService().deleteDeployment(edited.getId(), true);
        }
        var afterRemoval = JourneyScenario.start(engine, JourneyScenario.lewishamCase("LEW-TABLE-3"));
        assertThat(engine.getRuntimeService().getVariable(afterRemoval.getId(), "accommodationDue"))
                .as("the edit removed, South London's lead time is 6 weeks again").isEqualTo("2027-02-18");
    }

    /**
     * A node remembers which version of a table is newest; a version deployed through another node
     * (whose deployments this one never sees) applies here once the recheck interval has passed.
     */
    @Test
    void aTableDeployedThroughAnotherNodeAppliesHereWithinTheRecheckInterval() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var thisNode = new ConsortiumStandards(new LatestDecisionTables(configuration.getCommandExecutorTxRequired(),
                new DeploymentChanges(), Duration.ofMinutes(10)));
        Date start = new Date();
        ClockUtil.setCurrentTime(start);
        String table = Files.readString(Path.of("bpmn/consortium-standards.dmn"));
        Deployment edited = null;
        try {
            assertThat(thisNode.standardsFor("south-london").accommodationLead()).isEqualTo(Period.ofWeeks(6));

            edited = engine.getRepositoryService().createDeployment().name("process owner's edit, another node")
                    .addString("consortium-standards.dmn", table.replaceFirst("<text>\"P6W\"</text>", "<text>\"P8W\"</text>"))
                    .deploy();
            ClockUtil.setCurrentTime(new Date(start.getTime() + Duration.ofMinutes(9).toMillis()));
            assertThat(thisNode.standardsFor("south-london").accommodationLead())
                    .as("still the version this node asked for 9 minutes ago").isEqualTo(Period.ofWeeks(6));

            ClockUtil.setCurrentTime(new Date(start.getTime() + Duration.ofMinutes(11).toMillis()));
            assertThat(thisNode.standardsFor("south-london").accommodationLead())
                    .as("asked again after 10 minutes").isEqualTo(Period.ofWeeks(8));
        } finally {
            ClockUtil.reset();
            if (edited != null) {
                engine.getRepositoryService().deleteDeployment(edited.getId(), true);
            }
        }
    }
}
