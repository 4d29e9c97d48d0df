package uk.org.throughthegate.standards;

/**
 * The escalation ladder a consortium agreed, in {@code consortium-standards.dmn}: a reminder some
 * working days before a task is due, then, counted in working days after the due day, the YOT
 * manager, the consortium's project manager and the strategic lead are told in turn.
 */
public record EscalationStandards(
        int reminderWorkingDays,
        int yotManagerAfterWorkingDays,
        int projectManagerAfterWorkingDays,
        int strategicLeadAfterWorkingDays) {

    public EscalationStandards {
        if (reminderWorkingDays < 0 || yotManagerAfterWorkingDays < 1
                || projectManagerAfterWorkingDays < yotManagerAfterWorkingDays
                || strategicLeadAfterWorkingDays < projectManagerAfterWorkingDays) {
            throw new IllegalStateException("the escalation standards must climb the ladder in order, the YOT manager one working day or more"
                    + " after the due day (a task is due until the end of its day)"
                    + ", then the project manager, then the strategic lead: " + reminderWorkingDays + ", "
                    + yotManagerAfterWorkingDays + ", " + projectManagerAfterWorkingDays + ", " + strategicLeadAfterWorkingDays);
        }
    }
}
