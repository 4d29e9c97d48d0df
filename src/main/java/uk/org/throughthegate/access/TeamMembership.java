package uk.org.throughthegate.access;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Whether a person belongs to one of the teams on a case (administrators belong everywhere). */
public final class TeamMembership {

    public static final String ADMINS = "camunda-admin";

    private TeamMembership() {
    }

    public static boolean inAny(IdentityService identity, String user, String... teams) {
        if (user == null) {
            return false;
        }
        List<String> wanted = Arrays.stream(teams).filter(Objects::nonNull).toList();
        Authentication who = identity.getCurrentAuthentication();
        if (who != null && user.equals(who.getUserId()) && who.getGroupIds() != null) {
            // The groups the engine itself checks this person's grants against, read from the identity
            // provider at login; asking again would be filtered by what the person may read of users,
            // and a directory user holds no grant on their own entry.
            return who.getGroupIds().contains(ADMINS) || wanted.stream().anyMatch(who.getGroupIds()::contains);
        }
        return wanted.stream().anyMatch(team -> identity.createUserQuery().userId(user).memberOfGroup(team).count() > 0)
                || identity.createUserQuery().userId(user).memberOfGroup(ADMINS).count() > 0;
    }
}
