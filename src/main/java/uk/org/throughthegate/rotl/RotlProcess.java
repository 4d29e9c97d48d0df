package uk.org.throughthegate.rotl;

/** Names shared by the rotl-request model, its delegates and its tests. */
public final class RotlProcess {

    public static final String KEY = "rotl-request";
    public static final String ELIGIBILITY_DECISION = "rotl-eligibility";
    public static final String OVERTAKEN_BY_RELEASE = "RotlOvertakenByRelease";

    // The request contract (start variables)
    public static final String CASE_REFERENCE = "caseReference";
    public static final String PURPOSE = "purpose";
    /** The purpose as forms show it ("Family visit"), from the ROTL purposes table. */
    public static final String PURPOSE_NAME = "purposeName";
    public static final String PROPOSED_DATE = "proposedDate";
    public static final String PROPOSED_TIME = "proposedTime";
    public static final String DESTINATION = "destination";
    public static final String ESCORT = "escort";

    // Derived
    public static final String JOURNEY_ID = "journeyId";
    public static final String GOVERNOR_TEAM = "governorTeam";
    public static final String PROVIDER_TEAM = "rotlProviderTeam";
    public static final String REQUESTED_ON = "requestedOn";
    public static final String DECISION_DUE = "rotlDecisionDue";
    public static final String DAY_AFTER = "rotlDayAfter";
    public static final String ELIGIBLE = "rotlEligible";
    public static final String ELIGIBLE_FROM = "rotlEligibleFrom";
    public static final String ELIGIBILITY_RULE = "rotlEligibilityRule";
    public static final String OUTCOME = "rotlOutcome";
    public static final String STATUS = "rotlStatus";
    /** Who asked for the ROTL (the start event's camunda:initiator). */
    public static final String REQUESTED_BY = "requestedBy";
    /**
     * Which of the journey's ROTL counts a "Tell the journey" step adds to (an input parameter of
     * the step in the model: rotlApproved, rotlRefused or rotlOutcome).
     */
    public static final String JOURNEY_COUNT = "journeyCount";

    private RotlProcess() {
    }
}
