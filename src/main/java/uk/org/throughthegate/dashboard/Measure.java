package uk.org.throughthegate.dashboard;

import java.util.List;

/**
 * What the dashboard and the evaluation return count, each from the engine's history of the
 * journeys (no second copy of the data). A measure counts cases by outcome; its rate is the share
 * of the {@code met} outcomes among the outcomes that count towards it ({@code rated}).
 * <p>
 * Deadline steps are the journey's tasks with a due date: each counts once its due date has passed
 * or it was done, in the month it was due. Done by its due date: on time; done after: late; closed
 * undone after its due date, or still open past it: not done. A task closed before it was due
 * (the journey withdrawn, the child back in custody) does not count. The element ids named here
 * are checked against the deployed models by a test, so a renamed step cannot silently drop out.
 */
public enum Measure {

    // Journeys, counted in the month each happened.
    ENTERED("journeys-entered", "Journeys entered", Family.JOURNEYS, "resettlement-journey", "entered"),
    RELEASED("journeys-released", "Releases from custody", Family.JOURNEYS, "resettlement-journey", "SubProcess_Released"),
    CLOSED("journeys-closed", "Journeys closed", Family.JOURNEYS, "resettlement-journey", "End_JourneyClosed"),
    WITHDRAWN("journeys-withdrawn", "Journeys withdrawn", Family.JOURNEYS, "resettlement-journey", "End_JourneyWithdrawn"),
    RETURNED("returns-to-custody", "Returns to custody (recall or breach)", Family.JOURNEYS, "resettlement-journey",
            "Event_ReturnedToCustody"),

    // Deadlines, in the month each was due.
    IPM("initial-planning-meeting", "Initial planning meeting held by its due date", Family.DEADLINE,
            "resettlement-journey", "Task_HoldInitialPlanningMeeting"),
    ACCOMMODATION_CONFIRMED("accommodation-confirmed", "Accommodation confirmed by the consortium's lead time before release",
            Family.DEADLINE, "resettlement-journey", "Task_ConfirmAccommodation"),
    REVIEW("review-meeting", "Review meetings in custody held by their due date", Family.DEADLINE,
            "resettlement-journey", "Task_HoldReviewMeeting"),
    HANDOVER("handover-received", "Handover pack received by its due date", Family.DEADLINE,
            "resettlement-journey", "Task_ConfirmHandoverReceived"),
    RELEASE_DAY_CONTACT("release-day-contact", "Contact made on the day of release", Family.DEADLINE,
            "resettlement-journey", "Task_ReleaseDayContact"),
    ROTL_DECIDED("rotl-decided", "ROTL decided within the standard", Family.DEADLINE,
            "rotl-request", "Task_DecideRotl"),
    EXIT_PLAN("exit-plan", "Exit plan agreed by licence end", Family.DEADLINE,
            "resettlement-journey", "Task_AgreeExitPlan"),

    // In place on the day of release, among releases whose pathway needed support.
    ADDRESS_ON_RELEASE("address-on-release", "Address in place on the day of release", Family.AT_RELEASE,
            "resettlement-journey", "SubProcess_AccommodationPathway"),
    ETE_ON_RELEASE("ete-on-release", "ETE place in place at release", Family.AT_RELEASE,
            "resettlement-journey", "SubProcess_EtePathway"),

    // ROTL requests, in the month requested.
    ROTL_DECISION("rotl-decision", "ROTL requests approved", Family.ROTL, "rotlDecision"),
    ROTL_OUTCOME("rotl-outcome", "ROTL took place", Family.ROTL, "rotlOutcome"),

    // Answers recorded in a task, in the month the task was due.
    SUPERVISION("supervision-attended", "Supervision appointments attended", Family.ANSWER,
            "resettlement-journey", "Task_RecordSupervisionAppointment", "appointmentOutcome"),
    NON_COMPLIANCE("non-compliance-review", "Non-compliance reviews by outcome", Family.ANSWER,
            "resettlement-journey", "Task_ReviewNonCompliance", "nonComplianceOutcome"),
    FEEDBACK("feedback", "Feedback collected at 1 and 3 months", Family.ANSWER,
            "resettlement-journey", "Task_RecordFeedback", "feedbackGiven"),

    // Needs at assessment, among journeys entered in the month.
    NEEDS_CASE_MANAGEMENT("needs-case-management", "Needs support: case management and transitions", Family.NEEDS, "caseManagementPathway"),
    NEEDS_ACCOMMODATION("needs-accommodation", "Needs support: accommodation", Family.NEEDS, "accommodationPathway"),
    NEEDS_ETE("needs-ete", "Needs support: education, training and employment", Family.NEEDS, "etePathway"),
    NEEDS_HEALTH("needs-health", "Needs support: health", Family.NEEDS, "healthPathway"),
    NEEDS_SUBSTANCE_MISUSE("needs-substance-misuse", "Needs support: substance misuse", Family.NEEDS, "substanceMisusePathway"),
    NEEDS_FAMILIES("needs-families", "Needs support: families", Family.NEEDS, "familiesPathway"),
    NEEDS_FINANCE("needs-finance", "Needs support: NI number, bank account and ID", Family.NEEDS, "financePathway"),

    // Placement, among journeys entered in the month: how far from home, and transfers so far.
    PLACEMENT_DISTANCE("placement-distance", "Placed how far from home", Family.PLACEMENT, "placementDistance"),
    TRANSFERS("establishment-transfers", "Transfers between establishments", Family.PLACEMENT, "establishmentTransfers");

    /** How a measure is read from history, and what its outcomes are. */
    enum Family {
        JOURNEYS(List.of("count"), List.of()),
        DEADLINE(List.of("on-time", "late", "not-done"), List.of("on-time")),
        AT_RELEASE(List.of("in-place", "not-in-place", "not-needed"), List.of("in-place")),
        ROTL(List.of(), List.of()),
        ANSWER(List.of(), List.of()),
        NEEDS(List.of("needed", "not-needed", "declined"), List.of("needed")),
        PLACEMENT(List.of(), List.of());

        final List<String> outcomes;
        final List<String> met;

        Family(List<String> outcomes, List<String> met) {
            this.outcomes = outcomes;
            this.met = met;
        }
    }

    final String id;
    final String label;
    final Family family;
    /** The process and the step (and for answers the variable) read; for ROTL and needs, the variable. */
    final List<String> source;

    Measure(String id, String label, Family family, String... source) {
        this.id = id;
        this.label = label;
        this.family = family;
        this.source = List.of(source);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Every outcome, in the order the return's columns give them. */
    List<String> outcomes() {
        return switch (this) {
            case ROTL_DECISION -> List.of("approved", "refused", "not-eligible", "not-decided");
            case ROTL_OUTCOME -> List.of("took-place", "did-not-take-place", "returned-late", "failed-to-return");
            case SUPERVISION -> List.of("attended", "missed");
            case NON_COMPLIANCE -> List.of("acceptable-absence", "warning", "breach");
            case FEEDBACK -> List.of("given", "declined", "not-reached");
            case PLACEMENT_DISTANCE -> List.of("under-50-miles", "50-to-100-miles", "over-100-miles", "unknown");
            case TRANSFERS -> List.of("none", "one", "two-or-more");
            default -> family.outcomes;
        };
    }

    /** The outcomes that meet the standard (the numerator of the rate); empty: a count, no rate. */
    List<String> met() {
        return switch (this) {
            case ROTL_DECISION -> List.of("approved");
            case ROTL_OUTCOME -> List.of("took-place");
            case SUPERVISION -> List.of("attended");
            case FEEDBACK -> List.of("given");
            case PLACEMENT_DISTANCE -> List.of("under-50-miles");
            case TRANSFERS -> List.of("none");
            case NON_COMPLIANCE -> List.of();
            default -> family.met;
        };
    }

    /** The outcomes the rate is taken over: a decision among decided requests, a place among releases that needed one. */
    List<String> rated() {
        return switch (this) {
            case ROTL_DECISION -> List.of("approved", "refused");
            case ADDRESS_ON_RELEASE, ETE_ON_RELEASE -> List.of("in-place", "not-in-place");
            case PLACEMENT_DISTANCE -> List.of("under-50-miles", "50-to-100-miles", "over-100-miles");
            default -> outcomes();
        };
    }

    /** Whether its outcomes split one set of cases (so a total of them is meaningful). */
    boolean partitioned() {
        return family != Family.JOURNEYS;
    }

    /** A step with a due date, whose late cases can be listed. */
    public boolean isDeadline() {
        return family == Family.DEADLINE;
    }

    boolean hasRate() {
        return !met().isEmpty();
    }

    static Measure byId(String id) {
        for (Measure m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no measure '" + id + "'");
    }
}
