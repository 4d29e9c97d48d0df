package uk.org.throughthegate.journey.change;

/** Names of the recall-to-custody model: its start form's fields and its initiator. */
public final class RecallProcess {

    public static final String KEY = "recall-to-custody";
    public static final String RECALLED_BY = "recalledBy";
    public static final String REASON = "recallReason";
    public static final String NEW_RELEASE_DATE = "newReleaseDate";
    public static final String NEW_LICENCE_END_DATE = "newLicenceEndDate";

    private RecallProcess() {
    }
}
