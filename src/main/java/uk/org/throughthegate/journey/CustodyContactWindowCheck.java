package uk.org.throughthegate.journey;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.standards.ConsortiumStandards;
import uk.org.throughthegate.taskform.TaskInputRefused;

/**
 * A visit or session in custody is recorded only within the establishment's access window for
 * that day (establishment-access-windows.dmn); outside it the completion is refused with the window
 * named. A recorded contact becomes the journey's last, from which the next one is due.
 */
@Component("custodyContactWindow")
class CustodyContactWindowCheck implements TaskListener {

    private final ConsortiumStandards standards;

    CustodyContactWindowCheck(ConsortiumStandards standards) {
        this.standards = standards;
    }

    @Override
    public void notify(DelegateTask task) {
        // typed day first in Tasklist, or ISO; the form check stores it as ISO after this listener may run
        LocalDate on = uk.org.throughthegate.calendar.TypedDate.parse(task.getVariable("contactOn").toString());
        LocalTime at = LocalTime.parse(task.getVariable("contactAt").toString().trim());
        String establishment = TextFact.of(task, JourneyProcess.ESTABLISHMENT);
        String day = on.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK);
        var window = standards.accessWindow(establishment, on.getDayOfWeek());
        String problem = window.isEmpty() ? "there is no access window at " + establishment + " on " + day + "s"
                : window.get().admits(at) ? null
                : at + " is outside the access window at " + establishment + " on " + day + "s, " + window.get();
        if (problem != null) {
            throw new TaskInputRefused(task.getName(), String.valueOf(task.getVariable(JourneyProcess.CASE_REFERENCE)),
                    List.of(new FieldError("contactAt", problem)));
        }
        task.getExecution().setVariable(JourneyProcess.LAST_CUSTODY_CONTACT, on.toString());
    }
}
