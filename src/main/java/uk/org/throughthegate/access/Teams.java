package uk.org.throughthegate.access;

/**
 * Candidate-group ids of the teams on a case. A task goes to the team of this case (its home YOT,
 * its establishment, its consortium's project managers), never to every YOT. Managers and
 * strategic leads are teams too: the escalation ladder gives them tasks.
 */
public final class Teams {

    /** The kinds of team, each an id prefix followed by the place or service it is for. */
    public enum Kind {
        /** Named before {@link #YOT}: its prefix starts with the YOT's. */
        YOT_MANAGERS("yot-managers-"),
        YOT("yot-"),
        CUSTODY("custody-"),
        GOVERNORS("governor-"),
        PROVIDER("provider-"),
        HOUSING("housing-"),
        CHILDRENS_SERVICES("childrens-services-"),
        PROJECT_MANAGERS("pm-"),
        STRATEGIC_LEADS("sl-");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String team(String place) {
            return prefix + place;
        }

        /** The place or service a team of this kind is for ("lewisham" of {@code yot-lewisham}). */
        public String placeOf(String team) {
            return team.substring(prefix.length());
        }

        /**
         * Teams outside the case's own that a referral shares the case with: providers and the home
         * local authority's housing and children's services. They see only the forms of their tasks.
         */
        public boolean isReferralTeam() {
            return this == PROVIDER || this == HOUSING || this == CHILDRENS_SERVICES;
        }
    }

    private Teams() {
    }

    /** The kind of a team, if the group is a team of the service. */
    public static java.util.Optional<Kind> kindOf(String groupId) {
        if (groupId == null) {
            return java.util.Optional.empty();
        }
        return java.util.Arrays.stream(Kind.values()).filter(kind -> groupId.startsWith(kind.prefix)).findFirst();
    }

    public static boolean is(String groupId, Kind kind) {
        return kindOf(groupId).filter(kind::equals).isPresent();
    }

    public static String yot(String homeYot) {
        return Kind.YOT.team(homeYot);
    }

    public static String custody(String establishment) {
        return Kind.CUSTODY.team(establishment);
    }

    public static String governors(String establishment) {
        return Kind.GOVERNORS.team(establishment);
    }

    /** The children's services of the child's home local authority: a looked-after child's corporate parent. */
    public static String childrensServices(String homeYot) {
        return Kind.CHILDRENS_SERVICES.team(homeYot);
    }

    public static String projectManagers(String consortium) {
        return Kind.PROJECT_MANAGERS.team(consortium);
    }

    /** Whether a group is a team of the service (and so gets its own Tasklist filters). */
    public static boolean isTeam(String groupId) {
        return kindOf(groupId).isPresent();
    }

    /** The managers of a YOT, who hear first when one of its tasks is overdue. */
    public static String yotManagers(String homeYot) {
        return Kind.YOT_MANAGERS.team(homeYot);
    }

    /** The consortium's strategic leads, the last rung of the escalation ladder. */
    public static String strategicLeads(String consortium) {
        return Kind.STRATEGIC_LEADS.team(consortium);
    }
}
