package uk.org.throughthegate.journey;

/** The seven resettlement pathways; each keeps its status in a journey variable. */
public enum Pathway {
    CASE_MANAGEMENT("caseManagement"),
    ACCOMMODATION("accommodation"),
    ETE("ete"),
    HEALTH("health"),
    SUBSTANCE_MISUSE("substanceMisuse"),
    FAMILIES("families"),
    FINANCE("finance");

    private final String id;

    Pathway(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The journey variable holding this pathway's status, e.g. {@code accommodationPathway}. */
    public String variable() {
        return id + "Pathway";
    }

    public static Pathway byId(String id) {
        for (Pathway p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no resettlement pathway '" + id + "'");
    }
}
