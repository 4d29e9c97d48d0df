package uk.org.throughthegate.journey.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class WithdrawJourneyProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void people() {
        member("pm.southlondon", "pm-south-london");
        member("pm.yorkshire", "pm-south-west-yorkshire");
        member("yot.lewisham", "yot-lewisham");
    }

    @AfterEach
    void logOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void theConsortiumsProjectManagerWithdrawsAJourneyAndEveryTaskTimerAndRotlRequestGoesButHistoryStays() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-WITHDRAWN"));
        var rotl = requestRotl(engine, "LEW-WITHDRAWN", "family", "2027-03-10");
        engine.getIdentityService().setAuthenticatedUserId("pm.southlondon");

        withdraw("LEW-WITHDRAWN", "sentence-quashed");
        engine.getIdentityService().clearAuthentication();

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(rotl.getId()).count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("LEW-WITHDRAWN").count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).count()).isZero();
        var history = engine.getHistoryService();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(journey.getId())
                .activityId("End_JourneyWithdrawn").count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName("withdrawalReason").singleResult().getValue()).isEqualTo("sentence-quashed");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName("withdrawnBy").singleResult().getValue()).isEqualTo("pm.southlondon");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(rotl.getId())
                .variableName("rotlStatus").singleResult().getValue()).isEqualTo("journey-withdrawn");
    }

    @Test
    void aPractitionerOrAnotherConsortiumsManagerCannotWithdrawAJourney() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-STAYS"));

        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");
        assertThatThrownBy(() -> withdraw("LEW-STAYS", "other"))
                .hasMessageContaining("'yot.lewisham' is not a project manager of this case's consortium (pm-south-london)");
        engine.getIdentityService().setAuthenticatedUserId("pm.yorkshire");
        assertThatThrownBy(() -> withdraw("LEW-STAYS", "other")).hasMessageContaining("'pm.yorkshire' is not a project manager");
        engine.getIdentityService().clearAuthentication();
        assertThatThrownBy(() -> withdraw("LEW-STAYS", "other")).hasMessageContaining("nobody logged in");

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey.getId()).count()).isEqualTo(1);
    }

    @Test
    void withdrawingACaseWithoutAJourneyIsRefused() {
        engine.getIdentityService().setAuthenticatedUserId("pm.southlondon");
        assertThatThrownBy(() -> withdraw("LEW-NOTHING", "other")).hasMessageContaining("'LEW-NOTHING' has no running journey");
    }

    void withdraw(String reference, String reason) {
        engine.getRuntimeService().startProcessInstanceByKey("withdraw-journey",
                Map.of("caseReference", reference, "withdrawalReason", reason, "withdrawalNotes", "-"));
    }

    void member(String user, String group) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(user).count() == 0) {
            identity.saveUser(identity.newUser(user));
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }
}
