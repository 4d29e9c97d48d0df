package uk.org.throughthegate.journey;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.calendar.TypedDate;
import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.taskform.TaskInputRefused;

/**
 * A visit or session in custody is recorded only within the establishment's access window for
 * that day; outside it the completion is refused with the window named. A recorded contact
 * becomes the journey's last (never moving it back), from which the next one is due.
 */
@Component("custodyContactWindow")
class CustodyContactWindowCheck implements TaskListener {

    private final AccessWindowRule windows;

    CustodyContactWindowCheck(AccessWindowRule windows) {
        this.windows = windows;
    }

    @Override
    public void notify(DelegateTask task) {
        // typed day first in Tasklist, or ISO: the form check may store it as ISO only after this listener
        LocalDate on = TypedDate.parse(task.getVariable("contactOn").toString());
        LocalTime at = LocalTime.parse(task.getVariable("contactAt").toString().trim());
        windows.refusal(TextFact.of(task, JourneyProcess.ESTABLISHMENT), on, at).ifPresent(problem -> {
            throw new TaskInputRefused(task.getName(), String.valueOf(task.getVariable(JourneyProcess.CASE_REFERENCE)),
                    List.of(new FieldError("contactAt", problem)));
        });
        Object last = task.getVariable(JourneyProcess.LAST_CUSTODY_CONTACT);
        if (CaseDates.isLatestContact(on, last)) {
            task.getExecution().setVariable(JourneyProcess.LAST_CUSTODY_CONTACT, on.toString());
        }
    }
}
