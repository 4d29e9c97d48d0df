package uk.org.throughthegate.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.at;
import static uk.org.throughthegate.journey.JourneyScenario.complete;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import uk.org.throughthegate.journey.JourneyScenario;
import uk.org.throughthegate.journey.Pathway;

/**
 * A project manager opens the timeliness dashboard from Cockpit and reads a year of their
 * consortium: journeys sentenced month by month in 2031, some of whose meetings, addresses and
 * release-day contacts were late. "Today" is 15 January 2032 on the service's clock.
 */
class DashboardBrowserTest extends ServiceInBrowser {

    static final List<String> YOTS = List.of("lewisham", "lambeth", "croydon", "southwark");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aProjectManagerOpensTheDashboardFromCockpitAndSeesTheirConsortiumsYear() {
        BpmnAwareTests.init(engine);
        Random random = new Random(2031);
        int n = 0;
        for (LocalDate sentence = LocalDate.of(2031, 1, 6); sentence.isBefore(LocalDate.of(2032, 1, 1)); sentence = sentence.plusDays(12)) {
            journey("SL-2031-" + (100 + n), YOTS.get(n % YOTS.size()), n % 3 == 0 ? "cookham-wood" : "feltham", sentence, random);
            n++;
        }
        journey("LEE-2031-900", "leeds", "wetherby", LocalDate.of(2031, 6, 2), random);
        ClockUtil.setCurrentTime(at("2032-01-15T10:00"));

        Browser pm = browsers.loggedIn("cockpit", "pm.southlondon", DEMO_PASSWORD);
        pm.waitForText("Timeliness");
        pm.consoleErrors(); // what Cockpit's login logged is not the dashboard's
        pm.click(By.id("ttg-timeliness-link"));
        pm.waitForText("Timeliness: South London");
        String page = pm.bodyText();
        assertThat(page).contains("Initial planning meeting held by its due date", "Month by month", "Lambeth YOT",
                "Cookham Wood", "Evaluation return").doesNotContain("Leeds YOT").doesNotContain("LEE-2031-900");
        assertThat(pm.all(By.cssSelector(".chart svg polyline"))).as("a line per measure with months to draw").isNotEmpty();
        assertThat(pm.consoleErrors()).as("no script, font or picture from elsewhere to fail").isEmpty();
        long height = ((Number) pm.script("return document.documentElement.scrollHeight")).longValue();
        pm.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) Math.min(height + 140, 4000)));
        pm.picture("dashboard");

        pm.click(By.linkText("Late cases"));
        pm.waitForText("Late or not done");
        assertThat(pm.bodyText()).containsPattern("SL-2031-1\\d\\d").doesNotContain("LEE-2031");
    }

    /** One journey as its teams worked it: about a third of the steps late, release on its date. */
    void journey(String reference, String yot, String establishment, LocalDate sentence, Random random) {
        LocalDate release = sentence.plusMonths(3).plusDays(random.nextInt(20));
        ClockUtil.setCurrentTime(at(sentence + "T09:00"));
        Map<String, Object> v = new HashMap<>();
        v.put("caseReference", reference);
        v.put("dateOfBirth", sentence.minusYears(15).minusDays(random.nextInt(300)).toString());
        v.put("sentenceType", "DTO");
        v.put("sentenceLengthMonths", 8);
        v.put("sentenceDate", sentence.toString());
        v.put("releaseDate", release.toString());
        v.put("homeYot", yot);
        v.put("establishment", establishment);
        ProcessInstance journey = JourneyScenario.start(engine, v);
        LocalDate today = LocalDate.of(2032, 1, 15);

        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");
        clockAt(due(journey, "Task_HoldInitialPlanningMeeting").plusDays(random.nextInt(3) == 0 ? 4 : -3), today);
        if (!today.isAfter(ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate())) {
            return;
        }
        complete(engine, journey, "Task_HoldInitialPlanningMeeting");
        List<Object> needs = new java.util.ArrayList<>();
        for (Pathway p : Pathway.values()) {
            needs.add(p.variable());
            needs.add(p == Pathway.ACCOMMODATION || random.nextInt(3) == 0 ? "support-required" : "support-not-required");
        }
        complete(engine, journey, "Task_AssessNeeds", needs.toArray());
        complete(engine, journey, "Task_AssessHomelessness");
        LocalDate accommodationDue = due(journey, "Task_ProposeAccommodation");
        if (random.nextInt(4) > 0) {
            clockAt(accommodationDue.plusDays(random.nextInt(3) == 0 ? 3 : -7), today);
            if (ClockUtil.getCurrentTime().before(at(today + "T00:00"))) {
                complete(engine, journey, "Task_ProposeAccommodation", "accommodationType", "family-home", "proposedAccommodation", "home");
                complete(engine, journey, "Task_ConfirmAccommodation", "accommodationDecision", "confirmed");
            }
        }
        if (!release.isBefore(today)) {
            return;
        }
        ClockUtil.setCurrentTime(at(release + "T09:00"));
        for (String releaseTimer : List.of("Timer_ReleaseDate", "Timer_ReleaseDateReached")) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
                    .activityId(releaseTimer).singleResult();
            if (job != null) {
                engine.getManagementService().executeJob(job.getId());
                break;
            }
        }
        clockAt(release.plusDays(random.nextInt(4) == 0 ? 2 : 0), today);
        complete(engine, journey, "Task_ReleaseDayContact", "releaseDayContact", "met-at-gate");
    }

    static LocalDate due(ProcessInstance journey, String step) {
        return JourneyScenario.task(BpmnAwareTests.processEngine(), journey, step).getDueDate().toInstant()
                .atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }

    /** The clock at 11:00 on a day, never past "today". */
    static void clockAt(LocalDate day, LocalDate today) {
        ClockUtil.setCurrentTime(JourneyScenario.at((day.isAfter(today) ? today : day) + "T11:00"));
    }
}
