package uk.org.throughthegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import uk.org.throughthegate.access.TestPeople;
import uk.org.throughthegate.journey.WholeJourney;

/**
 * A board's view of timeliness, checked on a handful of journeys whose outcomes are known: in
 * South London one journey meets every deadline (and is released, misses an appointment that ends
 * in a breach, attends the next), one holds its initial planning meeting late; in South and West
 * Yorkshire one never holds it, and its follow-up has reached the project managers. Their dates
 * are in 2031, which no other test uses, so the figures are theirs alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardTest {

    static final String PERIOD = "from=2031-03&to=2031-12";
    static final String ON_TIME = "DASH-ONTIME";
    static final String LATE = "DASH-LATE";
    static final String NEVER = "DASH-NEVER";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JourneyHistory history;

    /** Made once per database (the PostgreSQL test database is kept between runs); "now" is 19 March 2031. */
    @BeforeEach
    void journeysWithKnownOutcomes() {
        TestPeople.person(engine, "pm.southlondon", "pm-south-london");
        TestPeople.person(engine, "lead.southlondon", "sl-south-london");
        TestPeople.person(engine, "pm.yorkshire", "pm-south-west-yorkshire");
        TestPeople.person(engine, "manager.lewisham", "yot-managers-lewisham");
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "admin.dashboard", "camunda-admin");
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        if (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(ON_TIME).count() > 0) {
            ClockUtil.setCurrentTime(at("2031-03-19T10:00"));
            return;
        }
        ClockUtil.setCurrentTime(at("2031-03-03T09:00"));
        ProcessInstance onTime = start(engine, child(ON_TIME, "lewisham", "feltham"));
        ProcessInstance late = start(engine, child(LATE, "lewisham", "feltham"));
        ProcessInstance never = start(engine, child(NEVER, "leeds", "wetherby"));

        ProcessInstance rotl = requestRotl(engine, ON_TIME, "ete-taster", "2031-05-15");
        complete(engine, rotl, "Task_AssessRotlRisk", "rotlRisk", "low");
        complete(engine, rotl, "Task_DecideRotl", "rotlDecision", "approved");

        WholeJourney.walkToLicence(engine, onTime);
        fire(engine, onTime, "Timer_AppointmentDay");
        complete(engine, onTime, "Task_RecordSupervisionAppointment", "appointmentOutcome", "missed");
        complete(engine, onTime, "Task_ReviewNonCompliance", "nonComplianceOutcome", "breach");
        fire(engine, onTime, "Timer_AppointmentDay");
        complete(engine, onTime, "Task_RecordSupervisionAppointment", "appointmentOutcome", "attended");

        // The initial planning meeting is due on 17 March (10 working days after sentence).
        ClockUtil.setCurrentTime(at("2031-03-19T10:00"));
        complete(engine, late, "Task_RecordConsent", "consentToShare", "given");
        complete(engine, late, "Task_HoldInitialPlanningMeeting", "ipmHeldOn", "2031-03-19", "ipmAttendance", "YOT, custody");
        complete(engine, never, "Task_RecordConsent", "consentToShare", "given");
        ProcessInstance ladder = lateToProjectManagers(engine, never, "Task_HoldInitialPlanningMeeting");
        assertThat(ladder).isNotNull();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A child sentenced on Monday 3 March 2031 and released on 16 June. */
    static Map<String, Object> child(String reference, String yot, String establishment) {
        Map<String, Object> v = lewishamCase(reference);
        v.put("dateOfBirth", "2016-05-05");
        v.put("sentenceDate", "2031-03-03");
        v.put("releaseDate", "2031-06-16");
        v.put("homeYot", yot);
        v.put("establishment", establishment);
        return v;
    }

    Timeliness figures(Scope scope) {
        Period period = Period.parse("2031-03", "2031-12", java.time.LocalDate.of(2031, 3, 19));
        JourneyHistory.InView view = history.inView(scope, period);
        return new Timeliness(scope, period, history.tallies(view), history.licenceSpells(view),
                history.rotlDecisions(view));
    }

    @Test
    void theInitialPlanningMeetingCountsOnTimeLateAndNeverPerConsortium() {
        Figure southLondon = figures(Scope.consortium("south-london")).total(Measure.IPM);
        assertThat(southLondon.count("on-time")).isEqualTo(1);
        assertThat(southLondon.count("late")).isEqualTo(1);
        assertThat(southLondon.count("not-done")).isZero();
        assertThat(southLondon.percent()).isEqualTo(50);

        Figure yorkshire = figures(Scope.consortium("south-west-yorkshire")).total(Measure.IPM);
        assertThat(yorkshire.count("not-done")).as("open past its due date").isEqualTo(1);
        assertThat(yorkshire.percent()).isZero();

        Timeliness lewisham = figures(Scope.yot("lewisham"));
        assertThat(lewisham.inMonth(Measure.IPM, java.time.YearMonth.of(2031, 3)).rated()).isEqualTo(2);
        assertThat(lewisham.ofEstablishment(Measure.IPM, "feltham").met()).isEqualTo(1);
    }

    @Test
    void journeysReleasesAndWhatWasInPlaceAtRelease() {
        Timeliness southLondon = figures(Scope.consortium("south-london"));
        assertThat(southLondon.total(Measure.ENTERED).total()).isEqualTo(2);
        assertThat(southLondon.total(Measure.RELEASED).total()).isEqualTo(1);
        assertThat(southLondon.total(Measure.ADDRESS_ON_RELEASE).count("in-place")).isEqualTo(1);
        assertThat(southLondon.total(Measure.ETE_ON_RELEASE).percent()).isEqualTo(100);
        assertThat(southLondon.total(Measure.HANDOVER).count("on-time")).isEqualTo(1);
        assertThat(southLondon.total(Measure.RELEASE_DAY_CONTACT).count("on-time")).isEqualTo(1);
        assertThat(southLondon.total(Measure.NEEDS_ACCOMMODATION).count("needed")).as("the one assessed").isEqualTo(1);
    }

    @Test
    void rotlSupervisionAndBreach() {
        Timeliness southLondon = figures(Scope.consortium("south-london"));
        assertThat(southLondon.total(Measure.ROTL_DECISION).count("approved")).isEqualTo(1);
        assertThat(southLondon.total(Measure.ROTL_DECIDED).count("on-time")).isEqualTo(1);
        assertThat(southLondon.medianWorkingDaysToRotlDecision(p -> true)).as("decided the day it was asked").isEqualTo(0.0);
        Figure supervision = southLondon.total(Measure.SUPERVISION);
        assertThat(supervision.count("attended")).isEqualTo(1);
        assertThat(supervision.count("missed")).isEqualTo(1);
        assertThat(southLondon.total(Measure.NON_COMPLIANCE).count("breach")).isEqualTo(1);
        assertThat(southLondon.breachesPer100()).as("one breach, one journey on licence").isEqualTo(100.0);
    }

    @Test
    void placementsAreCountedByDistanceFromHomeAndTransfers() {
        Timeliness southLondon = figures(Scope.consortium("south-london"));
        Figure distance = southLondon.total(Measure.PLACEMENT_DISTANCE);
        assertThat(distance.count("under-50-miles")).as("two Lewisham children in Feltham").isEqualTo(2);
        assertThat(distance.count("over-100-miles")).isZero();
        assertThat(southLondon.total(Measure.TRANSFERS).count("none")).isEqualTo(2);
    }

    @Test
    void overdueNowShowsTheTeamsAndTheRungReached() {
        List<JourneyHistory.OverdueCount> overdue = history.overdueNow(Scope.consortium("south-west-yorkshire"));
        // other tests' Leeds journeys are overdue too on 19 March 2031: at least ours is counted
        assertThat(overdue).anyMatch(o -> o.team().equals("yot-leeds") && o.rung() == 2 && o.count() >= 1)
                .anyMatch(o -> o.team().equals("custody-wetherby") && o.rung() == 2 && o.count() >= 1);
        assertThat(history.overdueNow(Scope.yot("lewisham"))).noneMatch(o -> o.team().equals("yot-leeds"));
    }

    @Test
    void anUndecidedRotlRequestPastItsDueDateIsOverdueForTheGovernors() {
        // its own year and case, removed afterwards, so the journeys of 2031 keep their figures
        String reference = "DASH-ROTL-" + Long.toString(System.nanoTime(), 36);
        ClockUtil.setCurrentTime(at("2033-01-10T09:00"));
        Map<String, Object> v = lewishamCase(reference);
        v.put("dateOfBirth", "2018-05-05");
        v.put("sentenceDate", "2033-01-10");
        v.put("releaseDate", "2033-04-25");
        start(engine, v);
        try {
            ProcessInstance rotl = requestRotl(engine, reference, "ete-taster", "2033-03-22");
            complete(engine, rotl, "Task_AssessRotlRisk", "rotlRisk", "low");
            // other tests' requests, due years before, may be overdue for Feltham's governors too
            long before = overdueFor("governor-feltham", Scope.consortium("south-london"));

            ClockUtil.setCurrentTime(at("2033-03-01T09:00"));
            assertThat(overdueFor("governor-feltham", Scope.consortium("south-london"))).isEqualTo(before + 1);
            assertThat(overdueFor("governor-feltham", Scope.yot("lewisham"))).isGreaterThanOrEqualTo(1);
            assertThat(overdueFor("governor-feltham", Scope.consortium("south-west-yorkshire"))).isZero();
        } finally {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                    .forEach(p -> engine.getRuntimeService().deleteProcessInstanceIfExists(p.getId(), "test over", true, true,
                            true, true));
        }
    }

    long overdueFor(String team, Scope scope) {
        return history.overdueNow(scope).stream().filter(o -> o.team().equals(team))
                .mapToLong(JourneyHistory.OverdueCount::count).sum();
    }

    @Test
    void aProjectManagerSeesTheirConsortiumAndTheLateCaseByReference() {
        ResponseEntity<String> page = as("pm.southlondon").getForEntity("/dashboard?" + PERIOD, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Timeliness: South London").contains("Initial planning meeting held by its due date")
                .contains("1 of 2").contains("<svg").doesNotContain("<script").doesNotContain(ON_TIME);

        ResponseEntity<String> late = as("pm.southlondon").getForEntity(
                "/dashboard/late?scope=consortium:south-london&measure=initial-planning-meeting&" + PERIOD, String.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(late.getBody()).contains(LATE).doesNotContain(ON_TIME).doesNotContain(NEVER);
    }

    @Test
    void eachManagerSeesOnlyTheirOwn() {
        assertThat(as("pm.southlondon").getForEntity("/dashboard?scope=consortium:south-west-yorkshire&" + PERIOD,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("pm.yorkshire").getForEntity("/dashboard/late?scope=consortium:south-london&measure=initial-planning-meeting&"
                + PERIOD, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager.lewisham").getForEntity("/dashboard?" + PERIOD, String.class).getBody())
                .contains("Timeliness: Lewisham YOT");
        assertThat(as("manager.lewisham").getForEntity("/dashboard?scope=consortium:south-london&" + PERIOD,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager.lewisham").getForEntity("/dashboard/return.csv?consortium=south-london&" + PERIOD,
                String.class).getStatusCode()).as("the return is for the consortium's leads").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("yot.lewisham").getForEntity("/dashboard?" + PERIOD, String.class).getStatusCode())
                .as("a practitioner").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("pm.southlondon").getForEntity("/dashboard?scope=yot:lewisham&" + PERIOD, String.class)
                .getStatusCode()).as("a YOT of their consortium").isEqualTo(HttpStatus.OK);
        assertThat(as("admin.dashboard").getForEntity("/dashboard?scope=all&" + PERIOD, String.class).getBody())
                .contains("Every consortium");
    }

    @Test
    void aWrongPeriodIsRefusedWithTheReason() {
        ResponseEntity<String> answer = as("pm.southlondon").getForEntity("/dashboard?from=March&to=2031-12", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("'from' must be a month such as 2026-04, not 'March'");
        assertThat(as("pm.southlondon").getForEntity("/dashboard?from=2031-12&to=2031-03", String.class).getBody())
                .contains("ends (2031-03) before it starts (2031-12)");
        assertThat(as("pm.southlondon").getForEntity("/dashboard?by=week&" + PERIOD, String.class).getBody())
                .contains("'by' must be month or quarter, not 'week'");
    }

    @Test
    void byQuarterTheBoardSeesQuartersAndTheReturnCountsThem() {
        String page = as("pm.southlondon").getForEntity("/dashboard?from=2031-01&to=2031-12&by=quarter", String.class).getBody();
        assertThat(page).contains("Quarter by quarter").contains("Q1 2031").contains("Q4 2031");
        String csv = as("pm.southlondon").getForEntity("/dashboard/return.csv?consortium=south-london&from=2031-01&to=2031-12"
                + "&by=quarter", String.class).getBody();
        assertThat(csv).contains("south-london,2031-Q1,journeys-entered,count,").doesNotContain("2031-03,");
        assertThat(as("pm.southlondon").getForEntity("/dashboard/return.csv?consortium=south-london&from=2031-02&to=2031-12"
                + "&by=quarter", String.class).getBody()).contains("first month of a quarter");
    }

    @Test
    void theEvaluationReturnParsesWithholdsSmallCountsAndNamesNoCase() throws Exception {
        ResponseEntity<String> csv = as("lead.southlondon").getForEntity("/dashboard/return.csv?consortium=south-london&"
                + PERIOD, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("evaluation-return-south-london-2031-03-to-2031-12.csv");
        CsvMapper mapper = new CsvMapper();
        MappingIterator<Map<String, String>> lines = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.getBody());
        List<Map<String, String>> rows = lines.readAll();
        assertThat(rows.get(0).keySet()).containsExactly("consortium", "month", "measure", "outcome", "value");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("consortium")).isEqualTo("south-london");
            assertThat(r.get("month")).matches("2031-(0[3-9]|1[0-2])|total");
            assertThat(r.get("value")).matches("<5|\\d+(\\.\\d+)?");
        });
        assertThat(rows).filteredOn(r -> r.get("measure").equals("initial-planning-meeting") && r.get("month").equals("total")
                && r.get("outcome").equals("on-time")).singleElement().extracting(r -> r.get("value")).isEqualTo("<5");
        assertThat(csv.getBody()).doesNotContain("DASH-").doesNotContain("2016").doesNotContain("lewisham")
                .doesNotContain("feltham");

        ResponseEntity<String> json = as("pm.southlondon").getForEntity("/dashboard/return.json?consortium=south-london&"
                + PERIOD, String.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.getBody()).contains("\"smallCountsWithheldBelow\":5").contains("\"measure\":\"initial-planning-meeting\"")
                .doesNotContain("DASH-");
        assertThat(as("pm.yorkshire").getForEntity("/dashboard/return.csv?consortium=south-london&" + PERIOD, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestPeople.PASSWORD);
    }

}
