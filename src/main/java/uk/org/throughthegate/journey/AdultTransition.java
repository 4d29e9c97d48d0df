package uk.org.throughthegate.journey;

import java.time.LocalDate;

import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.standards.TransitionStandards;

/**
 * A child nearing 18 on a journey: planning for adult services starts at 17 years 6 months, and a
 * child who turns 18 before the licence ends is handed over to adult Probation before the birthday.
 * Deadlines that would already have passed (a child entering custody older) fall on the next
 * working days from today instead.
 */
public record AdultTransition(LocalDate dateOfBirth, TransitionStandards standards) {

    public LocalDate seventeenAndAHalf() {
        return seventeenAndAHalf(dateOfBirth);
    }

    /** The day a child born on that date turns 17 years 6 months, when transfer to adult services is prepared. */
    public static LocalDate seventeenAndAHalf(LocalDate dateOfBirth) {
        return dateOfBirth.plusYears(17).plusMonths(6);
    }

    public LocalDate eighteenthBirthday() {
        return dateOfBirth.plusYears(LicencePeriod.ADULT_AGE);
    }

    public boolean turnsEighteenBefore(LocalDate licenceEnd) {
        return eighteenthBirthday().isBefore(licenceEnd);
    }

    public LocalDate planDue(LocalDate today) {
        LocalDate from = today.isAfter(seventeenAndAHalf()) ? today : seventeenAndAHalf();
        return WorkingDays.after(from, standards.transitionPlanWorkingDays());
    }

    public LocalDate probationHandoverDue(LocalDate today) {
        LocalDate due = WorkingDays.before(eighteenthBirthday(), standards.probationHandoverWorkingDays());
        return due.isBefore(today) ? WorkingDays.after(today, 1) : due;
    }
}
