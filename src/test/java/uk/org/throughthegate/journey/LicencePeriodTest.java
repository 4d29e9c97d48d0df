package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LicencePeriodTest {

    @Test
    void aChildUnder18AtHalfwayIsSupervisedToTheEndOfTheTerm() {
        assertThat(LicencePeriod.endDate(d("2010-05-05"), d("2026-12-18"), 8)).isEqualTo(d("2027-08-18"));
    }

    @Test
    void aChild18AtHalfwayOfAnOrderUnder24MonthsIsSupervisedFor12MonthsFromHalfway() {
        // halfway 2027-02-01, when the child is 18: supervision runs to 2028-02-01, not the term end 2027-05-01
        assertThat(LicencePeriod.endDate(d("2009-01-01"), d("2026-11-01"), 6)).isEqualTo(d("2028-02-01"));
    }

    @Test
    void a24MonthOrderAlwaysRunsToTheEndOfTheTerm() {
        assertThat(LicencePeriod.endDate(d("2008-12-01"), d("2026-11-01"), 24)).isEqualTo(d("2028-11-01"));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
