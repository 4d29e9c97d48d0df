package uk.org.throughthegate.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile only: creates the demo users and their teams, once, so Tasklist can be tried at once. */
@Component
@Order(0) // before the Tasklist filters, which are made for the teams that exist
@Profile("demo")
@EnableConfigurationProperties(DemoIdentities.DemoProperties.class)
class DemoIdentities implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentities.class);

    private final IdentityService identity;
    private final DemoProperties demo;

    DemoIdentities(IdentityService identity, DemoProperties demo) {
        this.identity = identity;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser u : demo.users()) {
            if (identity.createUserQuery().userId(u.id()).count() == 0) {
                User user = identity.newUser(u.id());
                user.setFirstName(u.name());
                user.setLastName("(demo)");
                user.setEmail(u.id() + "@demo.throughthegate.invalid");
                user.setPassword(demo.password());
                identity.saveUser(user);
            }
            for (String groupId : u.groups()) {
                if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identity.newGroup(groupId);
                    group.setName(groupId);
                    group.setType("team");
                    identity.saveGroup(group);
                }
                if (identity.createUserQuery().userId(u.id()).memberOfGroup(groupId).count() == 0) {
                    identity.createMembership(u.id(), groupId);
                }
            }
        }
        LOG.info("Demo users ready: {}", demo.users().stream().map(DemoUser::id).toList());
    }

    @ConfigurationProperties("ttg.demo")
    record DemoProperties(String password, List<DemoUser> users) {
    }

    record DemoUser(String id, String name, List<String> groups) {
    }
}
