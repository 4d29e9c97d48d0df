package uk.org.throughthegate.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.standards.EscalationStandards;

/**
 * When each rung of the escalation ladder is reached for a task due on a given day: the reminder
 * some working days before, then the YOT manager, the project manager and the strategic lead some
 * working days after. Every rung is reached at the start of its working day, when people read mail.
 */
public record EscalationSchedule(EscalationStandards standards) {

    static final LocalTime START_OF_WORKING_DAY = LocalTime.of(9, 0);

    public LocalDateTime reminder(LocalDate dueDay) {
        return WorkingDays.before(dueDay, standards.reminderWorkingDays()).atTime(START_OF_WORKING_DAY);
    }

    public LocalDateTime yotManager(LocalDate dueDay) {
        return rung(dueDay, standards.yotManagerAfterWorkingDays());
    }

    public LocalDateTime projectManager(LocalDate dueDay) {
        return rung(dueDay, standards.projectManagerAfterWorkingDays());
    }

    public LocalDateTime strategicLead(LocalDate dueDay) {
        return rung(dueDay, standards.strategicLeadAfterWorkingDays());
    }

    private static LocalDateTime rung(LocalDate dueDay, int workingDaysAfter) {
        return WorkingDays.after(dueDay, workingDaysAfter).atTime(START_OF_WORKING_DAY);
    }
}
