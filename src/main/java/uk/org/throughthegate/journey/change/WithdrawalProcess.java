package uk.org.throughthegate.journey.change;

/** Names of the withdraw-journey model and of the journey's "Journey withdrawn" event it triggers. */
public final class WithdrawalProcess {

    public static final String KEY = "withdraw-journey";
    public static final String REASON = "withdrawalReason";
    public static final String WITHDRAWN_BY = "withdrawnBy";
    /** The journey's message; reason and who are kept on the journey. */
    public static final String JOURNEY_WITHDRAWN = "JourneyWithdrawn";
    /** The outcome the journey closes with. */
    public static final String JOURNEY_OUTCOME = "journeyOutcome";

    private WithdrawalProcess() {
    }
}
