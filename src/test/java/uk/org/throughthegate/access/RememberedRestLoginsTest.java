package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A REST client's login is checked by the engine once and then remembered, and every change to the
 * person that this node makes applies on their next call: a new password, a lock after wrong ones,
 * leaving a team. A wrong password is never taken for a remembered right one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RememberedRestLoginsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate sql;

    /**
     * Changed in the database behind this node's back (as another node or a directory would change
     * it), the password of a remembered login is not asked again: the login stands until it
     * expires. The test counts on it being asked within that time, well under the minute.
     */
    @Test
    void aRestClientsLoginIsCheckedOnceThenRemembered() {
        person("rest.remembered");
        assertThat(status("rest.remembered", TestPeople.PASSWORD)).isEqualTo(HttpStatus.OK);
        String hash = sql.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, "rest.remembered");
        sql.update("update ACT_ID_USER set PWD_ = ? where ID_ = ?", "{SHA-512}changed elsewhere", "rest.remembered");
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(status("rest.remembered", TestPeople.PASSWORD)).as("remembered").isEqualTo(HttpStatus.OK);
            }
            someoneNew(); // a change through this node's engine: every login is asked again
            assertThat(status("rest.remembered", TestPeople.PASSWORD)).as("asked again").isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            sql.update("update ACT_ID_USER set PWD_ = ?, ATTEMPTS_ = 0, LOCK_EXP_TIME_ = null where ID_ = ?", hash, "rest.remembered");
        }
    }

    /**
     * After a wrong password the engine refuses the person for a few seconds, the right password too
     * (its defence against guessing): a remembered login does not get round that either.
     */
    @Test
    void aWrongPasswordIsRefusedAndHoldsBackTheRightOneAsTheEngineDoes() {
        person("rest.mistyped");
        assertThat(status("rest.mistyped", TestPeople.PASSWORD)).isEqualTo(HttpStatus.OK);

        assertThat(status("rest.mistyped", TestPeople.PASSWORD + "x")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("rest.mistyped", TestPeople.PASSWORD)).as("the right one, during the engine's delay")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        laterByAMinute(() -> assertThat(status("rest.mistyped", TestPeople.PASSWORD)).isEqualTo(HttpStatus.OK));
    }

    @Test
    void aNewPasswordAppliesAtOnce() {
        person("rest.renewed");
        assertThat(status("rest.renewed", TestPeople.PASSWORD)).isEqualTo(HttpStatus.OK);

        var identity = engine.getIdentityService();
        var user = identity.createUserQuery().userId("rest.renewed").singleResult();
        user.setPassword("a-new-password-2026");
        identity.saveUser(user);

        assertThat(status("rest.renewed", "a-new-password-2026")).isEqualTo(HttpStatus.OK);
        assertThat(status("rest.renewed", TestPeople.PASSWORD)).as("the old password").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The engine locks a person after ten wrong passwords in a row; the remembered right one does not get round it. */
    @Test
    void aPersonLockedAfterWrongPasswordsIsRefusedAtOnce() {
        person("rest.guessed");
        assertThat(status("rest.guessed", TestPeople.PASSWORD)).isEqualTo(HttpStatus.OK);

        for (int i = 0; i < 10; i++) {
            assertThat(status("rest.guessed", "guess-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(status("rest.guessed", TestPeople.PASSWORD)).as("the right password, while locked").isEqualTo(HttpStatus.UNAUTHORIZED);
        engine.getIdentityService().unlockUser("rest.guessed");
        assertThat(status("rest.guessed", TestPeople.PASSWORD)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void leavingATeamAppliesAtOnce() {
        person("rest.leaver");
        String deployment = engine.getRepositoryService().createDeployment().name("remembered logins test")
                .addModelInstance("remembered-logins.bpmn", Bpmn.createExecutableProcess("remembered-logins")
                        .name("Remembered logins").startEvent().userTask("Task_Team").name("A team's task")
                        .camundaCandidateGroups("yot-lewisham").endEvent().done())
                .deploy().getId();
        try {
            engine.getRuntimeService().startProcessInstanceByKey("remembered-logins");
            assertThat(teamTasks("rest.leaver")).as("while on the team").isEqualTo("{\"count\":1}");

            engine.getIdentityService().deleteMembership("rest.leaver", "yot-lewisham");

            assertThat(teamTasks("rest.leaver")).as("after leaving it").isEqualTo("{\"count\":0}");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    /**
     * A person on the Lewisham YOT with the tests' password, not locked: as new even when an earlier
     * run on a kept database (PostgreSQL) left them with another password or a lock.
     */
    private void person(String user) {
        TestPeople.person(engine, user, "yot-lewisham");
        var identity = engine.getIdentityService();
        var u = identity.createUserQuery().userId(user).singleResult();
        u.setPassword(TestPeople.PASSWORD);
        identity.saveUser(u);
        identity.unlockUser(user);
    }

    /** A person made anew through the engine: a write to the identity tables every time. */
    private void someoneNew() {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId("rest.someone.else").count() > 0) {
            identity.deleteUser("rest.someone.else");
        }
        TestPeople.person(engine, "rest.someone.else");
    }

    /** The engine's clock a minute on, past its delay after a wrong password. */
    private static void laterByAMinute(Runnable then) {
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 60_000));
        try {
            then.run();
        } finally {
            ClockUtil.reset();
        }
    }

    private HttpStatus status(String user, String password) {
        return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity("/engine-rest/version", String.class)
                .getStatusCode().value());
    }

    private String teamTasks(String user) {
        return http.withBasicAuth(user, TestPeople.PASSWORD)
                .getForEntity("/engine-rest/task/count?processDefinitionKey=remembered-logins", String.class).getBody();
    }
}
