package uk.org.throughthegate.access;

/**
 * Candidate-group ids of the teams on a case. A task goes to the team of this case (its home YOT,
 * its establishment, its consortium's project managers), never to every YOT. Managers and
 * strategic leads are teams too: the escalation ladder gives them tasks.
 */
public final class Teams {

    private static final java.util.List<String> TEAM_PREFIXES = java.util.List.of("yot-", "custody-", "governor-",
            "provider-", "housing-", "childrens-services-", "pm-", "sl-");

    private Teams() {
    }

    public static String yot(String homeYot) {
        return "yot-" + homeYot;
    }

    public static String custody(String establishment) {
        return "custody-" + establishment;
    }

    public static String governors(String establishment) {
        return "governor-" + establishment;
    }

    /** The children's services of the child's home local authority: a looked-after child's corporate parent. */
    public static String childrensServices(String homeYot) {
        return "childrens-services-" + homeYot;
    }

    public static String projectManagers(String consortium) {
        return "pm-" + consortium;
    }

    /** Whether a group is a team of the service (and so gets its own Tasklist filters). */
    public static boolean isTeam(String groupId) {
        return groupId != null && TEAM_PREFIXES.stream().anyMatch(groupId::startsWith);
    }

    /** The managers of a YOT, who hear first when one of its tasks is overdue. */
    public static String yotManagers(String homeYot) {
        return "yot-managers-" + homeYot;
    }

    /** The consortium's strategic leads, the last rung of the escalation ladder. */
    public static String strategicLeads(String consortium) {
        return "sl-" + consortium;
    }
}
