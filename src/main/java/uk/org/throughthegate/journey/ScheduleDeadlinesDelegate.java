package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Set the case's deadlines": every deadline from the case's dates and its consortium's standards. */
@Component("scheduleDeadlines")
class ScheduleDeadlinesDelegate implements JavaDelegate {

    private final Deadlines deadlines;

    ScheduleDeadlinesDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JourneySchedule schedule = deadlines.schedule(execution);
        LocalDate sentence = CaseDates.get(execution, SENTENCE_DATE);
        LocalDate release = CaseDates.get(execution, RELEASE_DATE);
        execution.setVariable(IPM_DUE, schedule.initialPlanningMeetingDue(sentence).toString());
        schedule.deadlinesFromRelease(release).forEach((name, day) -> execution.setVariable(name, day.toString()));
        JourneySchedule.Review first = schedule.nextReview(sentence, sentence, release);
        execution.setVariable(NEXT_REVIEW_DUE, first.due().toString());
        execution.setVariable(REVIEW_BEFORE_RELEASE, first.beforeRelease());
    }
}
