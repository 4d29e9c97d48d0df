package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * The bean the models' timer, due-date and multi-instance expressions call, as
 * {@code ${deadlines.dueAt(ipmDue)}}. Schedules read the consortium standards when they are
 * needed, so they follow the latest table and the case's current dates.
 */
@Component("deadlines")
public class Deadlines {

    private final ConsortiumStandards standards;
    private final ZoneId zone;

    Deadlines(ConsortiumStandards standards, ZoneId caseTimeZone) {
        this.standards = standards;
        this.zone = caseTimeZone;
    }

    /** When a task due on this day is late: the end of that working day. */
    public Date dueAt(String isoDate) {
        return CaseDates.endOfWorkingDay(CaseDates.date(isoDate), zone);
    }

    /**
     * Due dates asked for when their task opens, from the case's dates as they are then: a journey
     * entered before these steps existed has no variable for them.
     */
    public Date firstReviewAfterRelease(DelegateExecution execution) {
        return dueAt(schedule(execution).firstReviewAfterReleaseDue(CaseDates.get(execution, RELEASE_DATE)).toString());
    }

    /** The next contact in custody: the interval after the last one recorded, or after sentence. */
    public Date custodyContactDue(DelegateExecution execution) {
        return dueAt(nextCustodyContact(execution).toString());
    }

    /** Its task opens a couple of working days before, as a reminder would come. */
    public Date custodyContactOpens(DelegateExecution execution) {
        LocalDate due = nextCustodyContact(execution);
        int notice = standards.escalationFor(TextFact.of(execution, CONSORTIUM)).reminderWorkingDays();
        return CaseDates.startOfDay(WorkingDays.before(due, notice), zone);
    }

    /** Whether another contact falls due while the child is still in custody. */
    public boolean custodyContactBeforeRelease(DelegateExecution execution) {
        return nextCustodyContact(execution).isBefore(CaseDates.get(execution, RELEASE_DATE));
    }

    private LocalDate nextCustodyContact(DelegateExecution execution) {
        Object last = execution.getVariable(LAST_CUSTODY_CONTACT);
        LocalDate from = last == null ? CaseDates.get(execution, SENTENCE_DATE) : CaseDates.date(last);
        LocalDate due = schedule(execution).custodyContactDue(from);
        // "at least every so many days": a due day that is no working day comes forward to the one before
        return WorkingDays.isWorkingDay(due) ? due
                : WorkingDays.before(due, 1);
    }

    /** An urgent task: done by the end of the next working day. */
    public Date nextWorkingDay() {
        return CaseDates.endOfWorkingDay(WorkingDays.after(EngineClock.today(zone), 1), zone);
    }

    public Date homelessnessAssessment(DelegateExecution execution) {
        return dueAt(schedule(execution).homelessnessAssessmentDue(CaseDates.get(execution, SENTENCE_DATE)).toString());
    }

    /** The start of a day, when a task scheduled for that day appears. */
    public Date startOf(String isoDate) {
        return CaseDates.startOfDay(CaseDates.date(isoDate), zone);
    }

    /** When a task due on this day opens: the standard notice in working days before it. */
    public Date opens(DelegateExecution execution, String isoDate) {
        return CaseDates.startOfDay(schedule(execution).opens(CaseDates.date(isoDate)), zone);
    }

    public List<String> supervisionAppointments(DelegateExecution execution) {
        return iso(schedule(execution).supervisionAppointments(
                CaseDates.get(execution, RELEASE_DATE), CaseDates.get(execution, LICENCE_END_DATE)));
    }

    public List<String> exitCheckIns(DelegateExecution execution) {
        return iso(schedule(execution).exitCheckIns(CaseDates.get(execution, LICENCE_END_DATE)));
    }

    public List<String> feedbackDates(DelegateExecution execution) {
        return iso(schedule(execution).feedbackDates(CaseDates.get(execution, RELEASE_DATE)));
    }

    /** The start of the day a child turns 17 years 6 months. */
    public Date seventeenAndAHalf(String dateOfBirth) {
        return CaseDates.startOfDay(AdultTransition.seventeenAndAHalf(CaseDates.date(dateOfBirth)), zone);
    }

    /** Whether the sentence (custody and licence) is still running today. */
    public boolean servingSentence(DelegateExecution execution) {
        return EngineClock.today(zone).isBefore(CaseDates.get(execution, LICENCE_END_DATE));
    }

    public boolean turnsEighteenOnLicence(DelegateExecution execution) {
        return transition(execution).turnsEighteenBefore(CaseDates.get(execution, LICENCE_END_DATE));
    }

    public Date transitionPlanDue(DelegateExecution execution) {
        return CaseDates.endOfWorkingDay(transition(execution).planDue(EngineClock.today(zone)), zone);
    }

    public Date probationHandoverDue(DelegateExecution execution) {
        return CaseDates.endOfWorkingDay(transition(execution).probationHandoverDue(EngineClock.today(zone)), zone);
    }

    private AdultTransition transition(DelegateExecution execution) {
        return new AdultTransition(CaseDates.get(execution, DATE_OF_BIRTH),
                standards.transitionFor(TextFact.of(execution, CONSORTIUM)));
    }

    JourneySchedule schedule(DelegateExecution execution) {
        return new JourneySchedule(standards.standardsFor(TextFact.of(execution, CONSORTIUM)));
    }

    private static List<String> iso(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).toList();
    }
}
