package uk.org.throughthegate.access;

import java.util.Arrays;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;

/** Whether a person belongs to one of the teams on a case (administrators belong everywhere). */
public final class TeamMembership {

    public static final String ADMINS = "camunda-admin";

    private TeamMembership() {
    }

    public static boolean inAny(IdentityService identity, String user, String... teams) {
        return user != null && Arrays.stream(teams).filter(Objects::nonNull)
                .anyMatch(team -> identity.createUserQuery().userId(user).memberOfGroup(team).count() > 0)
                || user != null && identity.createUserQuery().userId(user).memberOfGroup(ADMINS).count() > 0;
    }
}
