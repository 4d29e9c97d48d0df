package uk.org.throughthegate.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

/** People the tests log in as: a user with a password, on the teams given. */
public final class TestPeople {

    public static final String PASSWORD = "test-password";

    private TestPeople() {
    }

    public static String person(ProcessEngine engine, String user, String... teams) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(user).count() == 0) {
            var u = identity.newUser(user);
            u.setPassword(PASSWORD);
            identity.saveUser(u);
        }
        for (String team : teams) {
            if (identity.createGroupQuery().groupId(team).count() == 0) {
                identity.saveGroup(identity.newGroup(team));
            }
            if (identity.createUserQuery().userId(user).memberOfGroup(team).count() == 0) {
                identity.createMembership(user, team);
            }
        }
        return user;
    }
}
