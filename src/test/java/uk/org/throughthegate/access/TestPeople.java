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

    /** A person as above who also has an e-mail address, {@code <user>@test.invalid}, so mails reach them. */
    public static String mailable(ProcessEngine engine, String user, String... teams) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(user).count() == 0) {
            var u = identity.newUser(user);
            u.setPassword(PASSWORD);
            u.setEmail(address(user));
            identity.saveUser(u);
        }
        return person(engine, user, teams);
    }

    public static String address(String user) {
        return user + "@test.invalid";
    }
}
