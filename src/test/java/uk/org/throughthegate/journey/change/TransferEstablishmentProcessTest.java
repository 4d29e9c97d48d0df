package uk.org.throughthegate.journey.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/** The Lewisham child moves from Feltham YOI to Wetherby YOI. */
@SpringBootTest
@ActiveProfiles("test")
class TransferEstablishmentProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void people() {
        ClockUtil.setCurrentTime(at("2027-01-04T10:00"));
        TestPeople.person(engine, "custody.feltham", "custody-feltham");
        TestPeople.person(engine, "custody.wetherby", "custody-wetherby");
    }

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void openAndFutureCustodyTasksGoToTheNewEstablishmentAndTheOldTeamLosesAccess() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-MOVED"));
        complete(engine, journey, "Task_RecordConsent");
        assertThat(engine.getRuntimeService().getVariables(journey.getId())).as("a London child in Feltham")
                .containsEntry("placementDistance", "under-50-miles").containsEntry("establishmentTransfers", 0);

        transfer("LEW-MOVED", "wetherby", "custody.feltham");

        assertThat(engine.getRuntimeService().getVariables(journey.getId())).as("counted for the evaluation return")
                .containsEntry("placementDistance", "over-100-miles").containsEntry("establishmentTransfers", 1);

        assertThat(groups(task(engine, journey, "Task_HoldInitialPlanningMeeting").getId()))
                .containsExactlyInAnyOrder("custody-wetherby", "yot-lewisham");
        assertThat(engine.getRuntimeService().getVariables(journey.getId()))
                .containsEntry("establishment", "wetherby").containsEntry("establishmentName", "Wetherby YOI").containsEntry("custodyTeam", "custody-wetherby");
        fire(engine, journey, "Timer_HandoverOpens");
        assertThat(groups(task(engine, journey, "Task_PrepareHandoverPack").getId())).containsExactly("custody-wetherby");

        var authorizations = engine.getAuthorizationService();
        assertThat(authorizations.isUserAuthorized("custody.feltham", List.of("custody-feltham"), Permissions.READ,
                Resources.PROCESS_INSTANCE, journey.getId())).isFalse();
        assertThat(authorizations.isUserAuthorized("custody.wetherby", List.of("custody-wetherby"), Permissions.READ,
                Resources.PROCESS_INSTANCE, journey.getId())).isTrue();
        engine.getIdentityService().setAuthentication("custody.feltham", List.of("custody-feltham"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).count())
                .as("Feltham no longer sees the child's tasks").isZero();
        engine.getIdentityService().clearAuthentication();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(journey.getId())
                .activityId("Task_RecordConsent").count()).as("history stays").isEqualTo(1);
    }

    @Test
    void anOpenRotlRequestGoesToTheNewGovernors() {
        start(engine, lewishamCase("LEW-MOVED-ROTL"));
        var rotl = requestRotl(engine, "LEW-MOVED-ROTL", "family", "2027-03-10");
        complete(engine, rotl, "Task_AssessRotlRisk");

        transfer("LEW-MOVED-ROTL", "wetherby", null);

        assertThat(groups(task(engine, rotl, "Task_DecideRotl").getId())).containsExactly("governor-wetherby");
    }

    @Test
    void aTransferToAnUnknownOrTheSameEstablishmentOrByAStrangerIsRefused() {
        start(engine, lewishamCase("LEW-STAYS-PUT"));
        TestPeople.person(engine, "yot.leeds", "yot-leeds");

        assertThatThrownBy(() -> transfer("LEW-STAYS-PUT", "alcatraz", null)).hasMessageContaining("'alcatraz' is not a known secure establishment");
        assertThatThrownBy(() -> transfer("LEW-STAYS-PUT", "feltham", null)).hasMessageContaining("already in 'feltham'");
        assertThatThrownBy(() -> transfer("LEW-STAYS-PUT", "wetherby", "yot.leeds")).hasMessageContaining("'yot.leeds' is not on a team of this case");
        engine.getIdentityService().clearAuthentication();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("establishment")
                .variableValueEquals("establishment", "feltham").count()).isPositive();
    }

    @Test
    void aTransferDateTypedDayFirstIsKeptAsThatDayAndOneThatIsNoDateIsRefused() {
        start(engine, lewishamCase("LEW-TRANSFER-DATE"));
        long transfersBefore = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("transfer-establishment").count();

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("transfer-establishment",
                Map.of("caseReference", "LEW-TRANSFER-DATE", "newEstablishment", "wetherby", "transferDate", "31/02/2027")))
                .hasMessageContaining("'Date of transfer (dd/mm/yyyy)' (transferDate) '31/02/2027' is not a real date");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("transfer-establishment").count()).as("nothing started").isEqualTo(transfersBefore);

        var transfer = engine.getRuntimeService().startProcessInstanceByKey("transfer-establishment",
                Map.of("caseReference", "LEW-TRANSFER-DATE", "newEstablishment", "wetherby", "transferDate", "04/01/2027"));
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(transfer.getId())
                .variableName("transferDate").singleResult().getValue()).isEqualTo("2027-01-04");
    }

    void transfer(String reference, String establishment, String by) {
        if (by != null) {
            engine.getIdentityService().setAuthentication(by, engine.getIdentityService().createGroupQuery().groupMember(by)
                    .list().stream().map(g -> g.getId()).toList());
        }
        try {
            engine.getRuntimeService().startProcessInstanceByKey("transfer-establishment",
                    Map.of("caseReference", reference, "newEstablishment", establishment, "transferDate", "2027-01-04"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    List<String> groups(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }
}
