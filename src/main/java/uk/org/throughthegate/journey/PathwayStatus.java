package uk.org.throughthegate.journey;

/** A pathway's status (DOMAIN.md); declined and not required count as closed. */
public enum PathwayStatus {
    NOT_STARTED("not-started"),
    IN_PROGRESS("in-progress"),
    SUPPORT_REQUIRED("support-required"),
    SUPPORT_NOT_REQUIRED("support-not-required"),
    SUPPORT_DECLINED("support-declined"),
    DONE("done");

    private final String value;

    PathwayStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
