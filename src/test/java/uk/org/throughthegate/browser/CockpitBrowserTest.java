package uk.org.throughthegate.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.complete;
import static uk.org.throughthegate.journey.JourneyScenario.lewishamCase;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import uk.org.throughthegate.journey.JourneyScenario;

/** Cockpit and Admin as managers and administrators use them, in a real browser. */
class CockpitBrowserTest extends ServiceInBrowser {


    @Test
    void aProjectManagerFindsAJourneyByCaseReferenceAndSeesWhereItWaits() {
        ProcessInstance lewisham = JourneyScenario.start(engine, lewishamCase("LEW-CP-1"));
        complete(engine, lewisham, "Task_RecordConsent");
        JourneyScenario.start(engine, lewishamCase("LEW-CP-2"));
        Map<String, Object> leeds = lewishamCase("LEE-CP-3");
        leeds.put("homeYot", "leeds");
        leeds.put("establishment", "wetherby");
        JourneyScenario.start(engine, leeds);

        Browser pm = browsers.loggedIn("cockpit", "pm.southlondon", DEMO_PASSWORD);
        assertThat(pm.bodyText()).contains("Through the Gate", "Dates and times are England and Wales time: Europe/London")
                .doesNotContain("migrate to Camunda 8");
        pm.click(By.partialLinkText("Processes"));
        pm.click(By.partialLinkText("Resettlement journey"));
        pm.waitForText("LEW-CP-2");
        assertThat(pm.bodyText()).as("the consortium's journeys only").contains("LEW-CP-1")
                .doesNotContain("LEE-CP-3");

        pm.type(By.cssSelector("input.main-field"), "Business Key");
        pm.find(By.cssSelector("input.main-field")).sendKeys(Keys.ENTER);
        pm.type(By.cssSelector(".value-field input.form-control"), "LEW-CP-1");
        pm.find(By.cssSelector(".value-field input.form-control")).sendKeys(Keys.ENTER);
        pm.waitFor(d -> !pm.bodyText().contains("LEW-CP-2"));
        assertThat(pm.bodyText()).contains("LEW-CP-1");

        pm.click(By.linkText(lewisham.getId()));
        pm.waitForText("Business Key:");
        pm.waitFor(d -> !pm.all(By.cssSelector(".djs-overlay-container .badge")).isEmpty());
        assertThat(pm.script("return Array.from(document.querySelectorAll('.djs-overlays[data-container-id]'))"
                + ".filter(o => o.querySelector('.badge.instance-count')).map(o => o.getAttribute('data-container-id')).join(',')"))
                .as("the diagram marks where the journey waits").asString().contains("Task_HoldInitialPlanningMeeting");
        pm.picture("cockpit");
        pm.click(By.partialLinkText("Filter"));
        assertThat(pm.waitForText("Hold the initial planning meeting")).as("and the activity tree names it").isNotNull();
    }

    @Test
    void aProjectManagerSeesTheConsortiumsOverdueFollowUps() {
        ProcessInstance late = JourneyScenario.start(engine, lewishamCase("LEW-CP-LATE"));
        complete(engine, late, "Task_RecordConsent");
        ProcessInstance inTime = JourneyScenario.start(engine, lewishamCase("LEW-CP-INTIME"));
        complete(engine, inTime, "Task_RecordConsent");
        String watch = watchOf(late, "Task_HoldInitialPlanningMeeting");
        fire(watch, "Timer_ReminderDue");
        fire(watch, "Timer_OverdueForYotManager");

        Browser pm = browsers.loggedIn("cockpit", "pm.southlondon", DEMO_PASSWORD);
        pm.click(By.partialLinkText("Processes"));
        pm.click(By.partialLinkText("Overdue task escalation"));
        pm.waitForText("LEW-CP-LATE");
        assertThat(pm.bodyText()).as("only what is overdue").doesNotContain("LEW-CP-INTIME");
        pm.click(By.linkText(watch));
        pm.waitForText("Business Key:");
        pm.waitFor(d -> !pm.all(By.cssSelector(".djs-overlay-container .badge")).isEmpty());
        assertThat(pm.script("return Array.from(document.querySelectorAll('.djs-overlays[data-container-id]'))"
                + ".filter(o => o.querySelector('.badge.instance-count')).map(o => o.getAttribute('data-container-id')).join(',')"))
                .as("the ladder waits on the YOT manager and counts down to the project manager's turn").asString()
                .contains("Task_ResolveOverdueYotManager", "Timer_OverdueForProjectManager");
        assertThat(pm.bodyText()).contains("Hold the initial planning meeting");
    }

    private String watchOf(ProcessInstance journey, String taskId) {
        return JourneyScenario.reminderDue(engine, JourneyScenario.task(engine, journey, taskId).getId()).getId();
    }

    /** A timer of the ladder fires now, as the job executor would on its day. */
    private void fire(String watch, String timer) {
        var management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(watch).activityId(timer).singleResult().getId());
    }

    @Test
    void anAdministratorManagesUsersInAdminAndReadsTheKeptMails() {
        JourneyScenario.start(engine, lewishamCase("LEW-AD-1"));
        uk.org.throughthegate.notification.Mailbox.deliverQueued(engine);

        // the test profile's administrator (application-test.yaml outranks the demo profile's "demo")
        Browser admin = browsers.loggedIn("admin", "admin", "test-only");
        admin.click(By.partialLinkText("Users"));
        assertThat(admin.waitForText("yot.lewisham")).contains("custody.feltham");

        admin.go("/mails");
        assertThat(admin.waitForText("LEW-AD-1")).as("the same login, no second password prompt")
                .contains("New task: Record consent to share information (case LEW-AD-1)");

        Browser practitioner = browsers.loggedIn("tasklist", "yot.lewisham", DEMO_PASSWORD);
        practitioner.go("/mails");
        assertThat(practitioner.waitForText("Not for your team")).doesNotContain("LEW-AD-1", "Whitelabel");
    }
}
