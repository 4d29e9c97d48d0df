package uk.org.throughthegate.journey;

/** Needs-assessment answers for the scenarios of any test. */
public final class JourneyScenarioNeeds {

    private JourneyScenarioNeeds() {
    }

    /** Every pathway answered the same, e.g. "support-not-required". */
    public static Object[] allPathways(String status) {
        return new Object[] {"caseManagementPathway", status, "accommodationPathway", status, "etePathway", status,
                "healthPathway", status, "substanceMisusePathway", status, "familiesPathway", status,
                "financePathway", status};
    }

    public static Object[] onlyAccommodation() {
        Object[] needs = allPathways("support-not-required");
        needs[3] = "support-required";
        return needs;
    }

    public static Object[] onlyEte() {
        Object[] needs = allPathways("support-not-required");
        needs[5] = "support-required";
        return needs;
    }
}
