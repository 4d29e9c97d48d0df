package uk.org.throughthegate.journey;

/**
 * Candidate-group ids of the teams on a case. A task goes to the team of this case (its home YOT,
 * its establishment, its consortium's project managers), never to every YOT. Managers and
 * strategic leads are teams too: the escalation ladder gives them tasks.
 */
public final class Teams {

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

    public static String projectManagers(String consortium) {
        return "pm-" + consortium;
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
