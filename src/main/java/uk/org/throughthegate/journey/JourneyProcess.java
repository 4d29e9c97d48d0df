package uk.org.throughthegate.journey;

/** Names shared by the resettlement-journey model, its delegates and its tests. */
public final class JourneyProcess {

    public static final String KEY = "resettlement-journey";

    // The custody-entry contract (start variables)
    public static final String CASE_REFERENCE = "caseReference";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String SENTENCE_TYPE = "sentenceType";
    public static final String SENTENCE_LENGTH_MONTHS = "sentenceLengthMonths";
    public static final String SENTENCE_DATE = "sentenceDate";
    public static final String RELEASE_DATE = "releaseDate";
    public static final String LICENCE_END_DATE = "licenceEndDate";
    public static final String HOME_YOT = "homeYot";
    public static final String ESTABLISHMENT = "establishment";
    /** Who entered the case (the start event's camunda:initiator). */
    public static final String ENTERED_BY = "enteredBy";

    // Derived at custody entry
    public static final String CONSORTIUM = "consortium";
    // What forms show people instead of the ids above ("Feltham YOI", not "feltham")
    public static final String HOME_YOT_NAME = "homeYotName";
    public static final String ESTABLISHMENT_NAME = "establishmentName";
    public static final String CONSORTIUM_NAME = "consortiumName";
    public static final String YOT_TEAM = "yotTeam";
    public static final String CUSTODY_TEAM = "custodyTeam";
    public static final String PM_TEAM = "pmTeam";

    // Deadlines (ISO dates, due by the end of the working day)
    public static final String IPM_DUE = "ipmDue";
    public static final String ACCOMMODATION_DUE = "accommodationDue";
    public static final String ETE_DUE = "eteDue";
    public static final String HANDOVER_DUE = "handoverDue";
    public static final String PRE_RELEASE_REVIEW_DUE = "preReleaseReviewDue";
    public static final String NEXT_REVIEW_DUE = "nextReviewDue";
    public static final String REVIEW_BEFORE_RELEASE = "reviewBeforeRelease";

    // Custody and ROTL, kept on the journey for managers and for ROTL requests
    public static final String IN_CUSTODY = "inCustody";
    public static final String ROTL_REQUESTED = "rotlRequested";
    public static final String ROTL_APPROVED = "rotlApproved";
    public static final String ROTL_REFUSED = "rotlRefused";
    public static final String ROTL_TAKEN = "rotlTaken";
    public static final String LAST_ROTL_OUTCOME = "lastRotlOutcome";

    private JourneyProcess() {
    }

    /**
     * Message of the "Release date changed" event sub-process, and what it carries: the new date
     * (consumed into releaseDate by the sub-process) and who changed it (kept).
     */
    public static final String RELEASE_DATE_CHANGED = "ReleaseDateChanged";
    /** Who custody contacts at the YOT, named at consent; a change is the message below. */
    public static final String YOT_CASE_WORKER = "yotCaseWorker";
    public static final String YOT_CASE_WORKER_CONTACT = "yotCaseWorkerContact";
    public static final String YOT_RESETTLEMENT_CONTACT = "yotResettlementContact";
    public static final java.util.List<String> YOT_CONTACTS = java.util.List.of(YOT_CASE_WORKER, YOT_CASE_WORKER_CONTACT,
            YOT_RESETTLEMENT_CONTACT);
    public static final String CASE_WORKER_CHANGED = "CaseWorkerChanged";
    public static final String CONSENT_WITHDRAWN = "ConsentWithdrawn";
    /** The day of the last visit or session recorded in custody. */
    public static final String LAST_CUSTODY_CONTACT = "lastCustodyContact";
    /** Distance band of the placement from home (placement-distance.dmn), and transfers between establishments. */
    public static final String PLACEMENT_DISTANCE = "placementDistance";
    public static final String ESTABLISHMENT_TRANSFERS = "establishmentTransfers";
    public static final String NEW_RELEASE_DATE = "newReleaseDate";
    public static final String RELEASE_DATE_CHANGED_BY = "releaseDateChangedBy";

    /** Message of the licence stage's "Returned to custody" event, and what it carries (dates consumed; reason and who kept). */
    public static final String RETURNED_TO_CUSTODY = "ReturnedToCustody";
    public static final String RETURN_REASON = "lastReturnToCustodyReason";
    /** How many times the child has come back into custody during this journey. */
    public static final String RETURNS_TO_CUSTODY = "returnsToCustody";
    public static final String RETURN_RELEASE_DATE = "releaseDateOnReturn";
    public static final String RETURN_LICENCE_END_DATE = "licenceEndDateOnReturn";
    public static final String RETURNED_BY = "returnedToCustodyBy";
}
