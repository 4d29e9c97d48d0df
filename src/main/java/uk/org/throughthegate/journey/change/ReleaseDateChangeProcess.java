package uk.org.throughthegate.journey.change;

/** Names of the change-release-date model. */
public final class ReleaseDateChangeProcess {

    public static final String KEY = "change-release-date";
    /** The start form's fields and its initiator. */
    public static final String NEW_RELEASE_DATE = "newReleaseDate";
    public static final String REASON = "releaseChangeReason";
    public static final String CHANGED_BY = "changedBy";
    /** What the change moved, typed (a list of ReleaseDateChange.Moved, as JSON). */
    public static final String DEADLINE_MOVES = "deadlineMoves";

    private ReleaseDateChangeProcess() {
    }
}
