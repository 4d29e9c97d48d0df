package uk.org.throughthegate.journey.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.JourneyScenarioNeeds;
import uk.org.throughthegate.refusal.JourneyChangeRefused;

/**
 * Referrals share the young person's information outside the case, so they follow consent: a
 * refusal keeps them with the YOT, and a withdrawal brings the open ones back to it.
 */
@SpringBootTest
@ActiveProfiles("test")
class WithdrawConsentProcessTest {

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void people() {
        BpmnAwareTests.init(engine);
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "yot.leeds", "yot-leeds");
    }

    @AfterEach
    void signOut() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void withConsentRefusedNoReferralLeavesTheYot() {
        ProcessInstance journey = needingAccommodationAndHealth("LEW-NO-CONSENT", "refused");

        assertThat(groups(task(engine, journey, "Task_AssessHomelessness").getId())).containsExactly("yot-lewisham");
        assertThat(groups(task(engine, journey, "Task_ArrangeHealthSupport").getId())).containsExactly("yot-lewisham");
        complete(engine, journey, "Task_AssessHomelessness");
        assertThat(groups(task(engine, journey, "Task_ProposeAccommodation").getId())).containsExactly("yot-lewisham");
    }

    @Test
    void aWithdrawalBringsTheOpenReferralsBackToTheYotWhichTellsTheProviders() {
        ProcessInstance journey = needingAccommodationAndHealth("LEW-CONSENT-WITHDRAWN", "given");
        assertThat(groups(task(engine, journey, "Task_AssessHomelessness").getId())).containsExactly("housing-lewisham");
        assertThat(groups(task(engine, journey, "Task_ArrangeHealthSupport").getId())).containsExactly("provider-health");

        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");
        ProcessInstance withdrawal = withdraw("LEW-CONSENT-WITHDRAWN");
        engine.getIdentityService().clearAuthentication();

        BpmnAwareTests.assertThat(withdrawal).isEnded().hasPassed("End_ConsentWithdrawn");
        BpmnAwareTests.assertThat(journey).hasPassed("Task_ReturnReferralsToYot").variables()
                .containsEntry("consentToShare", "withdrawn");
        assertThat(groups(task(engine, journey, "Task_AssessHomelessness").getId())).containsExactly("yot-lewisham");
        assertThat(groups(task(engine, journey, "Task_ArrangeHealthSupport").getId())).containsExactly("yot-lewisham");
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("provider-health", "housing-lewisham")
                .resourceId(task(engine, journey, "Task_ArrangeHealthSupport").getId()).count())
                .as("the provider keeps no access to the task").isZero();
        BpmnAwareTests.assertThat(task(engine, journey, "Task_TellProvidersReferralsEnded")).hasCandidateGroup("yot-lewisham");
        assertThat(engine.getRuntimeService().getVariable(journey.getId(), "returnedReferrals").toString())
                .contains("Assess homelessness (home local authority)", "Arrange health support (GP, CAMHS, SEND)");

        complete(engine, journey, "Task_AssessHomelessness");
        assertThat(groups(task(engine, journey, "Task_ProposeAccommodation").getId()))
                .as("and no new referral is made").containsExactly("yot-lewisham");
        complete(engine, journey, "Task_TellProvidersReferralsEnded", "providersTold", true);
        BpmnAwareTests.assertThat(journey).hasPassed("End_ProvidersTold");
    }

    @Test
    void onlyTheCasesYotWithdrawsConsentOnceAndNothingChangesOtherwise() {
        ProcessInstance journey = needingAccommodationAndHealth("LEW-WITHDRAW-LEEDS", "given");

        engine.getIdentityService().setAuthenticatedUserId("yot.leeds");
        assertThatThrownBy(() -> withdraw("LEW-WITHDRAW-LEEDS")).isInstanceOf(JourneyChangeRefused.class)
                .hasMessageContaining("'yot.leeds' is not on a team of this case");
        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");
        assertThatThrownBy(() -> withdraw("LEW-NO-SUCH-CONSENT")).hasMessageContaining("has no running journey");
        engine.getIdentityService().clearAuthentication();

        BpmnAwareTests.assertThat(journey).variables().containsEntry("consentToShare", "given");
        assertThat(groups(task(engine, journey, "Task_ArrangeHealthSupport").getId())).containsExactly("provider-health");

        engine.getIdentityService().setAuthenticatedUserId("yot.lewisham");
        withdraw("LEW-WITHDRAW-LEEDS");
        assertThatThrownBy(() -> withdraw("LEW-WITHDRAW-LEEDS")).hasMessageContaining("already withdrawn");
        engine.getIdentityService().clearAuthentication();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_TellProvidersReferralsEnded").count()).isOne();
    }

    ProcessInstance needingAccommodationAndHealth(String reference, String consent) {
        ProcessInstance journey = start(engine, lewishamCase(reference));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", consent);
        complete(engine, journey, "Task_HoldInitialPlanningMeeting");
        Object[] needs = JourneyScenarioNeeds.onlyAccommodation();
        for (int i = 0; i < needs.length; i += 2) {
            if (needs[i].equals("healthPathway")) {
                needs[i + 1] = "support-required";
            }
        }
        complete(engine, journey, "Task_AssessNeeds", needs);
        return journey;
    }

    ProcessInstance withdraw(String reference) {
        return engine.getRuntimeService().startProcessInstanceByKey("withdraw-consent",
                Map.of("caseReference", reference, "consentWithdrawalReason", "Told the YOT worker on 5 January"));
    }

    List<String> groups(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }
}
