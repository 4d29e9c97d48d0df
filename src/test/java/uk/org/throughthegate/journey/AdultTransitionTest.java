package uk.org.throughthegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.standards.TransitionStandards;

class AdultTransitionTest {

    private final AdultTransition born10August2009 = new AdultTransition(LocalDate.parse("2009-08-10"),
            new TransitionStandards(20, 10));

    @Test
    void planningStartsAt17YearsAnd6MonthsAndIsDue20WorkingDaysLater() {
        assertThat(born10August2009.seventeenAndAHalf()).isEqualTo(LocalDate.parse("2027-02-10"));
        assertThat(born10August2009.planDue(LocalDate.parse("2027-02-10"))).isEqualTo(LocalDate.parse("2027-03-10"));
    }

    @Test
    void aChildAlreadyOlderAtCustodyEntryIsPlannedForFromToday() {
        assertThat(born10August2009.planDue(LocalDate.parse("2027-04-01"))).isEqualTo(LocalDate.parse("2027-04-29"));
    }

    @Test
    void probationTakesOverTenWorkingDaysBeforeThe18thBirthdayOrTomorrowIfThatHasPassed() {
        assertThat(born10August2009.probationHandoverDue(LocalDate.parse("2027-03-01"))).isEqualTo(LocalDate.parse("2027-07-27"));
        assertThat(born10August2009.probationHandoverDue(LocalDate.parse("2027-08-02"))).isEqualTo(LocalDate.parse("2027-08-03"));
    }

    @Test
    void turningEighteenBeforeTheLicenceEndsIsComparedByDay() {
        assertThat(born10August2009.turnsEighteenBefore(LocalDate.parse("2027-08-18"))).isTrue();
        assertThat(born10August2009.turnsEighteenBefore(LocalDate.parse("2027-08-10"))).isFalse();
    }
}
