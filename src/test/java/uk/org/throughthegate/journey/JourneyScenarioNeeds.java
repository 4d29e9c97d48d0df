package uk.org.throughthegate.journey;

/** Needs-assessment answers for scenarios outside this package. */
public final class JourneyScenarioNeeds {

    private JourneyScenarioNeeds() {
    }

    /** Every pathway answered the same, e.g. "support-not-required". */
    public static Object[] allPathways(String status) {
        return ResettlementJourneyProcessTest.needs(status);
    }

    public static Object[] onlyAccommodation() {
        Object[] needs = ResettlementJourneyProcessTest.needs("support-not-required");
        needs[3] = "support-required";
        return needs;
    }

    public static Object[] onlyEte() {
        Object[] needs = ResettlementJourneyProcessTest.needs("support-not-required");
        needs[5] = "support-required";
        return needs;
    }
}
