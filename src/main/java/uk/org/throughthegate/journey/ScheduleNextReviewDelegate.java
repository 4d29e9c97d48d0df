package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Schedule the next review": the next review interval from sentence, or the review before release. */
@Component("scheduleNextReview")
class ScheduleNextReviewDelegate implements JavaDelegate {

    private final Deadlines deadlines;

    ScheduleNextReviewDelegate(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JourneySchedule.Review next = deadlines.schedule(execution).nextReview(
                CaseDates.get(execution, SENTENCE_DATE),
                CaseDates.get(execution, NEXT_REVIEW_DUE),
                CaseDates.get(execution, RELEASE_DATE));
        execution.setVariable(NEXT_REVIEW_DUE, next.due().toString());
        execution.setVariable(REVIEW_BEFORE_RELEASE, next.beforeRelease());
    }
}
