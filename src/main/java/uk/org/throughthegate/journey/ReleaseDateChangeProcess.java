package uk.org.throughthegate.journey;

/** Names of the change-release-date model. */
public final class ReleaseDateChangeProcess {

    public static final String KEY = "change-release-date";

    private ReleaseDateChangeProcess() {
    }
}
