package uk.org.throughthegate.notification;

import static uk.org.throughthegate.notification.DeadlineEscalationProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.model.TextFact;
import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * The bean the timers of {@code deadline-escalation.bpmn} call, as
 * {@code ${escalationLadder.yotManagerAt(execution)}}. Reads the watched task's current due date
 * and the consortium's current standards each time, so a moved deadline or an edited table moves
 * the rung when its timer is recalculated.
 */
@Component("escalationLadder")
public class EscalationLadder {

    private final ConsortiumStandards standards;
    private final ZoneId zone;

    EscalationLadder(ConsortiumStandards standards, ZoneId caseTimeZone) {
        this.standards = standards;
        this.zone = caseTimeZone;
    }

    public Date reminderAt(DelegateExecution execution) {
        return at(execution, EscalationSchedule::reminder);
    }

    public Date yotManagerAt(DelegateExecution execution) {
        return at(execution, EscalationSchedule::yotManager);
    }

    public Date projectManagerAt(DelegateExecution execution) {
        return at(execution, EscalationSchedule::projectManager);
    }

    public Date strategicLeadAt(DelegateExecution execution) {
        return at(execution, EscalationSchedule::strategicLead);
    }

    /** When a task due then, in that consortium, reminds its team: when its watch starts. */
    public Date reminderAt(Date dueAt, String consortium) {
        return at(dueAt, consortium, EscalationSchedule::reminder);
    }

    private Date at(DelegateExecution execution, BiFunction<EscalationSchedule, LocalDate, LocalDateTime> rung) {
        return at((Date) execution.getVariable(DUE_AT), TextFact.of(execution, CONSORTIUM), rung);
    }

    private Date at(Date dueAt, String consortium, BiFunction<EscalationSchedule, LocalDate, LocalDateTime> rung) {
        LocalDate dueDay = dueAt.toInstant().atZone(zone).toLocalDate();
        var schedule = new EscalationSchedule(standards.escalationFor(consortium));
        return Date.from(rung.apply(schedule, dueDay).atZone(zone).toInstant());
    }
}
