package uk.org.throughthegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** The return from known tallies, without the engine: its cells, its suppression, its CSV. */
class EvaluationReturnTest {

    static final Period Q1 = new Period(YearMonth.of(2027, 1), YearMonth.of(2027, 3));

    static Tally ipm(String outcome, int month, long n) {
        return new Tally(Measure.IPM, outcome, "south-london", "lewisham", "feltham", YearMonth.of(2027, month), n);
    }

    static Timeliness figures(List<Tally> tallies) {
        return new Timeliness(Scope.consortium("south-london"), Q1, tallies, List.of(), List.of());
    }

    @Test
    void eachMonthAndThePeriodWithSmallCountsWithheld() {
        List<Tally> tallies = new ArrayList<>(List.of(ipm("on-time", 1, 20), ipm("late", 1, 3), ipm("on-time", 2, 30),
                ipm("late", 2, 12), ipm("not-done", 2, 6), ipm("on-time", 3, 25), ipm("late", 3, 9), ipm("not-done", 3, 7)));
        List<EvaluationReturn.Row> rows = EvaluationReturn.of("south-london", figures(tallies));

        assertThat(value(rows, "2027-01", "late")).as("3").isEqualTo("<5");
        assertThat(value(rows, "2027-01", "not-done")).as("0").isEqualTo("<5");
        assertThat(value(rows, "2027-02", "on-time")).isEqualTo("30");
        assertThat(value(rows, "total", "on-time")).isEqualTo("75");
        assertThat(value(rows, "total", "total")).isEqualTo("112");
        // January's 3 late and 0 not done are both withheld, so 23 - 20 gives only their sum; the late
        // column's total (24) would give January's 3 back from February's 12 and March's 9: withheld too
        assertThat(value(rows, "2027-01", "total")).isEqualTo("23");
        assertThat(List.of(value(rows, "2027-02", "late"), value(rows, "2027-03", "late"))).containsOnly("<5");
        assertThat(List.of(value(rows, "2027-02", "not-done"), value(rows, "2027-03", "not-done"))).containsOnly("<5");
        assertThat(value(rows, "total", "late")).isEqualTo("24");
    }

    @Test
    void byQuarterTheMonthsAreAddedUpAndFewerAreWithheld() {
        List<Tally> tallies = new ArrayList<>();
        for (int month = 1; month <= 6; month++) {
            tallies.addAll(List.of(ipm("on-time", month, 2), ipm("late", month, 3), ipm("not-done", month, 2)));
        }
        Timeliness half = new Timeliness(Scope.consortium("south-london"),
                new Period(YearMonth.of(2027, 1), YearMonth.of(2027, 6)), tallies, List.of(), List.of());
        List<EvaluationReturn.Row> rows = EvaluationReturn.of("south-london", half, Period.Grain.QUARTER);
        assertThat(value(rows, "2027-Q1", "on-time")).isEqualTo("6");
        assertThat(value(rows, "2027-Q2", "late")).isEqualTo("9");
        assertThat(value(rows, "total", "total")).isEqualTo("42");
        assertThat(EvaluationReturn.of("south-london", half)).filteredOn(r -> r.measure().equals("initial-planning-meeting")
                && r.month().equals("2027-01") && !r.outcome().equals("total")).extracting(EvaluationReturn.Row::value)
                .as("by month, every outcome is small").containsOnly("<5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Period(YearMonth.of(2027, 2), YearMonth.of(2027, 4))
                .buckets(Period.Grain.QUARTER)).hasMessageContaining("first month of a quarter");
    }

    @Test
    void theCsvParsesAndHoldsNothingButCounts() throws Exception {
        String csv = EvaluationReturnCsv.write(EvaluationReturn.of("south-london",
                figures(List.of(ipm("on-time", 1, 20), ipm("late", 1, 6)))));
        List<Map<String, String>> lines = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(csv).readAll();
        assertThat(lines.get(0)).containsOnlyKeys("consortium", "month", "measure", "outcome", "value");
        assertThat(lines).extracting(l -> l.get("measure")).contains("journeys-entered", "initial-planning-meeting",
                "address-on-release", "rotl-decision", "supervision-attended", "needs-accommodation",
                "rotl-working-days-to-decision", "breaches-per-100-on-licence");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("value")).matches("<5|\\d+(\\.\\d+)?"));
        assertThat(lines).allSatisfy(l -> assertThat(l.get("month")).matches("2027-0[1-3]|total"));
        assertThat(csv).doesNotContain("lewisham").doesNotContain("feltham");
    }

    @Test
    void theMedianWaitForAnRotlDecisionIsShownOnlyOverFiveDecisions() {
        List<JourneyHistory.RotlDecision> four = new ArrayList<>();
        JourneyHistory.Place place = new JourneyHistory.Place("south-london", "lewisham", "feltham");
        for (int i = 0; i < 4; i++) {
            four.add(new JourneyHistory.RotlDecision(place, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 6 + i)));
        }
        Timeliness fewer = new Timeliness(Scope.consortium("south-london"), Q1, List.of(), List.of(), four);
        assertThat(value(EvaluationReturn.of("south-london", fewer), "rotl-working-days-to-decision")).isEqualTo("<5");

        List<JourneyHistory.RotlDecision> five = new ArrayList<>(four);
        five.add(new JourneyHistory.RotlDecision(place, LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 18)));
        Timeliness enough = new Timeliness(Scope.consortium("south-london"), Q1, List.of(), List.of(), five);
        // 2, 3, 4, 5 and 6 working days (Friday 8th to Monday 18th)
        assertThat(value(EvaluationReturn.of("south-london", enough), "rotl-working-days-to-decision")).isEqualTo("4");
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidays() {
        assertThat(Timeliness.workingDaysBetween(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 4))).isZero();
        assertThat(Timeliness.workingDaysBetween(LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 11))).isEqualTo(1);
        assertThat(Timeliness.workingDaysBetween(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 29)))
                .as("Christmas Day and the Boxing Day holiday on Monday 28th").isEqualTo(1);
    }

    static String value(List<EvaluationReturn.Row> rows, String month, String outcome) {
        return rows.stream().filter(r -> r.measure().equals("initial-planning-meeting") && r.month().equals(month)
                && r.outcome().equals(outcome)).findFirst().orElseThrow().value();
    }

    static String value(List<EvaluationReturn.Row> rows, String measure) {
        return rows.stream().filter(r -> r.measure().equals(measure)).findFirst().orElseThrow().value();
    }
}
