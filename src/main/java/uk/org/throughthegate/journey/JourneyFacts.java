package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A running journey's facts, read from the engine once and typed: the dates as dates, the teams
 * as team ids. What a change, a check or a request needs to know about the case it is about.
 */
public record JourneyFacts(String journeyId, String caseReference, String consortium, String homeYot,
        String establishment, String yotTeam, String custodyTeam, String pmTeam, String sentenceType,
        LocalDate sentenceDate, LocalDate releaseDate, LocalDate licenceEndDate, LocalDate nextReviewDue,
        boolean reviewBeforeRelease, boolean inCustody, int returnsToCustody, Map<String, Object> variables) {

    /** The running journey of the case reference, if there is one. */
    public static Optional<JourneyFacts> ofRunning(RuntimeService runtime, Object caseReference) {
        ProcessInstance journey = RunningJourney.of(runtime, caseReference);
        return journey == null ? Optional.empty()
                : Optional.of(of(journey.getId(), journey.getBusinessKey(), runtime.getVariables(journey.getId())));
    }

    /** The running journey a change is about; without one the change is refused, naming the case. */
    public static JourneyFacts runningFor(RuntimeService runtime, String caseReference, String change) {
        return ofRunning(runtime, caseReference).orElseThrow(() -> new uk.org.throughthegate.refusal.JourneyChangeRefused(
                change, java.util.List.of(new uk.org.throughthegate.refusal.InputRefused.FieldError(CASE_REFERENCE,
                        "'" + caseReference + "' has no running journey"))).forCase(caseReference));
    }

    /** The facts of the journey this execution belongs to, from any of its scopes. */
    public static JourneyFacts of(DelegateExecution execution) {
        return of(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                execution.getProcessInstance().getVariables());
    }

    static JourneyFacts of(String journeyId, String caseReference, Map<String, Object> v) {
        return new JourneyFacts(journeyId, caseReference, text(v, CONSORTIUM), text(v, HOME_YOT), text(v, ESTABLISHMENT),
                text(v, YOT_TEAM), text(v, CUSTODY_TEAM), text(v, PM_TEAM), text(v, SENTENCE_TYPE), date(v, SENTENCE_DATE),
                date(v, RELEASE_DATE), date(v, LICENCE_END_DATE), date(v, NEXT_REVIEW_DUE),
                Boolean.TRUE.equals(v.get(REVIEW_BEFORE_RELEASE)), Boolean.TRUE.equals(v.get(IN_CUSTODY)),
                v.get(RETURNS_TO_CUSTODY) instanceof Number n ? n.intValue() : 0, withValues(v));
    }

    /** The variables that have a value (an engine VariableMap's entries cannot be streamed when one is null). */
    private static Map<String, Object> withValues(Map<String, Object> v) {
        Map<String, Object> copy = new java.util.HashMap<>();
        for (String name : v.keySet()) {
            Object value = v.get(name);
            if (value != null) {
                copy.put(name, value);
            }
        }
        return Map.copyOf(copy);
    }

    /** The case's teams that may change it: its YOT, its custody team, its project managers. */
    public String[] caseTeams() {
        return new String[] {yotTeam, custodyTeam, pmTeam};
    }

    /** A date the journey keeps under this name (a deadline, say), or null. */
    public LocalDate date(String name) {
        return date(variables, name);
    }

    private static String text(Map<String, Object> v, String name) {
        Object value = v.get(name);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<String, Object> v, String name) {
        Object value = v.get(name);
        return value == null ? null : CaseDates.date(value);
    }
}
