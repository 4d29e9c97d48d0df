package uk.org.throughthegate.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.complete;
import static uk.org.throughthegate.journey.JourneyScenario.lewishamCase;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import uk.org.throughthegate.journey.JourneyScenario;
import uk.org.throughthegate.journey.JourneyScenarioNeeds;

/**
 * Tasklist as practitioners use it, in a real browser, logged in as the demo users: the custody
 * officer records a child, the YOT works its most urgent task, a provider sees its referral.
 */
class TasklistBrowserTest extends ServiceInBrowser {

    static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");
    static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");


    @Test
    void aCustodyOfficerRecordsAChildTypingUkDatesAndAWrongEntryIsRefusedInSight() {
        Browser custody = browsers.loggedIn("tasklist", "custody.feltham", DEMO_PASSWORD);
        assertThat(custody.bodyText()).as("branded, and no end-of-life notice for practitioners")
                .contains("Through the Gate").doesNotContain("migrate to Camunda 8");

        custody.click(By.partialLinkText("Start process"));
        custody.click(By.partialLinkText("Resettlement journey"));
        custody.fill("Case reference", "LEW-2026-0142");
        custody.fill("Date of birth", "05/03/2010");
        custody.choose("Length of the order", "8 months");
        custody.fill("Sentence date", "10/11/2026");
        custody.fill("Expected release date", "09/11/2026");
        custody.choose("Home Youth Offending Team", "Lewisham (South London)");
        custody.choose("Secure establishment", "Feltham YOI");
        custody.click(START);

        WebElement refusal = custody.find(By.cssSelector(".modal .alert-danger"));
        assertThat(refusal.getText()).as("the field in the form's own words, the date spelt out, no internal ids")
                .contains("'Expected release date'", "must be after the sentence date 10 November 2026")
                .doesNotContain("resettlement-journey:", "Cannot instantiate");
        assertThat(custody.inSight(refusal)).as("shown where the person is, down at the Start button").isTrue();
        assertThat(custody.inSight(custody.find(START))).isTrue();
        assertThat(journeys("LEW-2026-0142")).as("nothing is created").isEmpty();

        custody.fill("Expected release date", "09/05/2027");
        custody.click(START);

        assertThat(custody.waitForText("Journey started for case LEW-2026-0142")).isNotNull();
        List<ProcessInstance> started = journeys("LEW-2026-0142");
        assertThat(started).hasSize(1);
        Map<String, Object> stored = engine.getRuntimeService().getVariables(started.get(0).getId());
        assertThat(stored).as("typed day first, kept as ISO dates: 5 March, not 3 May")
                .containsEntry("dateOfBirth", "2010-03-05")
                .containsEntry("sentenceDate", "2026-11-10")
                .containsEntry("releaseDate", "2027-05-09")
                .containsEntry("homeYot", "lewisham")
                .containsEntry("establishmentName", "Feltham YOI").containsEntry("homeYotName", "Lewisham");
    }

    @Test
    void theYotFindsItsMostUrgentTaskAtTheTopAndCompletesItsForm() {
        // Two cases: the one due soonest is created first, so Tasklist's own order (newest first)
        // would put it second.
        ProcessInstance sooner = atInitialPlanningMeeting("LEW-BR-SOON", "2026-11-20", "2027-05-01");
        ProcessInstance later = atInitialPlanningMeeting("LEW-BR-LATE", "2026-12-18", "2027-06-01");
        Task soonerMeeting = JourneyScenario.task(engine, sooner, "Task_HoldInitialPlanningMeeting");
        Task laterMeeting = JourneyScenario.task(engine, later, "Task_HoldInitialPlanningMeeting");
        assertThat(soonerMeeting.getDueDate()).isBefore(laterMeeting.getDueDate());

        Browser yot = browsers.loggedIn("tasklist", "yot.lewisham", DEMO_PASSWORD);
        assertThat(yot.waitForText("My team's tasks (Lewisham YOT)")).as("filters named for people")
                .doesNotContain("yot-lewisham");
        yot.click(By.partialLinkText("My team's tasks"));
        yot.waitFor(d -> Boolean.TRUE.equals(yot.script(
                "return document.documentElement.classList.contains('ttg-no-filter-editing')")));
        assertThat(yot.all(By.cssSelector("[cam-tasklist-filters] .actions a")).stream().filter(WebElement::isDisplayed))
                .as("no pencil to edit a filter the YOT may not change").isEmpty();
        List<WebElement> listed = yot.waitFor(d -> {
            List<WebElement> items = d.findElements(By.cssSelector("ol.tasks-list > li.task"));
            return items.size() >= 2 ? items : null;
        });
        assertThat(listed.get(0).getText()).as("soonest due first").contains("LEW-BR-SOON");
        assertThat(listed.get(1).getText()).contains("LEW-BR-LATE");

        listed.get(0).findElement(By.cssSelector("h4.task a")).click();
        String due = LocalDate.ofInstant(soonerMeeting.getDueDate().toInstant(), ZoneId.of("Europe/London"))
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        yot.waitForText("Meeting held on");
        assertThat(yot.bodyText()).as("the form shows the case, its dates spelt out").contains("Case LEW-BR-SOON",
                "Release date: 1 May 2027", "Meeting due by " + due).doesNotContain("2027-05-01");

        yot.picture("tasklist");
        yot.click(By.cssSelector("[ng-click='claim()'], .claim"));
        yot.fill("Meeting held on", "02/12/2026");
        yot.click(COMPLETE);
        assertThat(yot.waitForText("Field is required")).as("under the empty field, and said in words")
                .contains("Not completed: some answers are missing or not valid");
        assertThat(JourneyScenario.task(engine, sooner, "Task_HoldInitialPlanningMeeting")).as("still open").isNotNull();

        yot.fill("Who attended", "YOT case manager, custody case manager, young person, parent");
        yot.click(COMPLETE);
        yot.waitFor(d -> engine.getTaskService().createTaskQuery().processInstanceId(sooner.getId())
                .taskDefinitionKey("Task_HoldInitialPlanningMeeting").count() == 0);
        assertThat(engine.getRuntimeService().getVariable(sooner.getId(), "ipmHeldOn"))
                .as("2 December, not 12 February").isEqualTo("2026-12-02");
    }

    @Test
    void aProviderSeesItsReferralAndNothingOfAnotherTeamsCase() {
        ProcessInstance referred = atInitialPlanningMeeting("LEW-BR-REF", "2026-11-20", "2027-05-01");
        complete(engine, referred, "Task_HoldInitialPlanningMeeting");
        complete(engine, referred, "Task_AssessNeeds", JourneyScenarioNeeds.onlyAccommodation());
        complete(engine, referred, "Task_AssessHomelessness");
        atInitialPlanningMeeting("LEW-BR-OTHER", "2026-11-20", "2027-05-01");

        Browser provider = browsers.loggedIn("tasklist", "provider.accommodation", DEMO_PASSWORD);
        provider.click(By.partialLinkText("My team's tasks"));
        provider.waitForText("LEW-BR-REF");
        assertThat(provider.bodyText()).contains("Propose accommodation").doesNotContain("LEW-BR-OTHER");
        provider.click(By.partialLinkText("Propose accommodation"));
        provider.waitForText("Placement proposed");
        assertThat(provider.bodyText()).contains("Case LEW-BR-REF", "Home YOT: Lewisham")
                .as("dates spelt out, names not ids, nothing the provider does not need")
                .contains("Release date: 1 May 2027").doesNotContain("2027-05-01", "Home YOT: lewisham", "2010");
        String journeyLink = provider.driver().findElements(By.cssSelector("a.instance-link")).stream()
                .map(a -> a.getAttribute("href")).findFirst().orElse(null);
        assertThat(journeyLink).as("the link to the journey in Cockpit").isNotNull();
        provider.driver().get(journeyLink);
        provider.waitFor(d -> !provider.bodyText().isBlank());
        assertThat(provider.bodyText()).as("Cockpit is not a provider's: a page that says so")
                .contains("Not for your team").doesNotContain("Whitelabel");
    }

    @Test
    void dueDatesAreEnglandAndWalesTimeOnAComputerSetToAnotherZone() {
        ProcessInstance journey = atInitialPlanningMeeting("LEW-BR-TZ", "2026-11-20", "2027-05-01");
        Task meeting = JourneyScenario.task(engine, journey, "Task_HoldInitialPlanningMeeting");
        ZonedDateTime dueInLondon = meeting.getDueDate().toInstant().atZone(ZoneId.of("Europe/London"));
        assertThat(dueInLondon.toLocalDate()).as("in Tokyo it is already the next day")
                .isNotEqualTo(meeting.getDueDate().toInstant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate());

        Browser yot = browsers.open().inTimeZone("Asia/Tokyo");
        yot.logInTo("tasklist", "yot.lewisham", DEMO_PASSWORD);
        yot.click(By.partialLinkText("My team's tasks"));
        WebElement due = yot.waitFor(d -> d.findElements(By.cssSelector("ol.tasks-list > li.task")).stream()
                .filter(item -> item.getText().contains("LEW-BR-TZ")).findFirst()
                .map(item -> item.findElement(By.cssSelector(".due-date [uib-tooltip]"))).orElse(null));
        assertThat(due.getAttribute("uib-tooltip")).as("the due day and hour in England and Wales")
                .isEqualTo(dueInLondon.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.UK)));
        assertThat(yot.script("return new Date().getTimezoneOffset()")).as("the browser really is in Tokyo")
                .isEqualTo(-540L);
        assertThat(yot.waitForText("England and Wales time")).contains("England and Wales time: Europe/London")
                .doesNotContain("Asia/Tokyo");

        // and in summer, British Summer Time (17:00 BST is 16:00 GMT)
        ZonedDateTime summer = ZonedDateTime.of(2027, 7, 15, 17, 0, 0, 0, ZoneId.of("Europe/London"));
        meeting.setDueDate(java.util.Date.from(summer.toInstant()));
        engine.getTaskService().saveTask(meeting);
        yot.driver().navigate().refresh();
        String summerTooltip = yot.waitFor(d -> d.findElements(By.cssSelector("ol.tasks-list > li.task .due-date [uib-tooltip]"))
                .stream().map(e -> e.getAttribute("uib-tooltip")).filter(t -> t.contains("July")).findFirst().orElse(null));
        assertThat(summerTooltip).isEqualTo("Thursday 15 July 2027, 17:00");
    }

    ProcessInstance atInitialPlanningMeeting(String reference, String sentenceDate, String releaseDate) {
        Map<String, Object> entry = lewishamCase(reference);
        entry.put("sentenceDate", sentenceDate);
        entry.put("releaseDate", releaseDate);
        ProcessInstance journey = JourneyScenario.start(engine, entry);
        complete(engine, journey, "Task_RecordConsent");
        return journey;
    }

    List<ProcessInstance> journeys(String reference) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("resettlement-journey")
                .variableValueEquals("caseReference", reference).list();
    }
}
