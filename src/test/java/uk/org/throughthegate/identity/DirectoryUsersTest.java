package uk.org.throughthegate.identity;

import static uk.org.throughthegate.access.JsonRequest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;

import uk.org.throughthegate.journey.JourneyScenario;
import uk.org.throughthegate.notification.Mailbox;

/**
 * The ldap profile against a real LDAP server (UnboundID's, in memory, with an OpenLDAP-like layout):
 * people log in with their directory password, their directory groups are their teams, and every
 * access rule, filter and mail works as it does with the engine's own user tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ldap"})
class DirectoryUsersTest {

    static final String BASE = "dc=throughthegate,dc=test";
    static final String MANAGER_PASSWORD = "service-account-secret";

    static final InMemoryDirectoryServer directory = directory();
    static final GreenMail smtp = smtp();

    @DynamicPropertySource
    static void directoryAndMail(DynamicPropertyRegistry properties) {
        properties.add("ttg.ldap.server-url", () -> "ldap://127.0.0.1:" + directory.getListenPort() + "/");
        properties.add("ttg.ldap.manager-dn", () -> "cn=ttg-service,ou=services," + BASE);
        properties.add("ttg.ldap.manager-password", () -> MANAGER_PASSWORD);
        properties.add("ttg.ldap.base-dn", () -> BASE);
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        directory.shutDown(true);
        smtp.stop();
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aPractitionerLogsInWithTheDirectoryPasswordAndWorksTheirTeamsTaskOnly() {
        ProcessInstance journey = lewishamJourney("DIR-WORK");
        String taskId = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();

        assertThat(taskIds("yot.lewisham")).contains(taskId);
        assertThat(taskIds("yot.leeds")).doesNotContain(taskId);
        assertThat(http.withBasicAuth("yot.lewisham", "not-the-password").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("yot.leeds").exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                json(Map.of("userId", "yot.leeds")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                json(Map.of("userId", "yot.lewisham")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                json(Map.of("variables", Map.of("consentToShare", Map.of("value", "given"), "consentExplained", Map.of("value", true), "lookedAfter", Map.of("value", "no"), "yotCaseWorker", Map.of("value", "Sam, YOT case worker"), "yotCaseWorkerContact", Map.of("value", "020 8314 0000"), "yotResettlementContact", Map.of("value", "Resettlement lead, 020 8314 0001")))), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
                .getAssignee()).isEqualTo("yot.lewisham");
    }

    @Test
    void custodyEntersACaseOfItsEstablishmentAndAnotherEstablishmentIsRefused() {
        var entry = JourneyScenario.lewishamCase("DIR-ENTRY");
        var refused = as("custody.wetherby").exchange("/api/journeys", HttpMethod.POST, json(entry), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").toString()).contains("'custody.wetherby' is not on a team of this case");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("DIR-ENTRY").count())
                .isZero();

        var entered = as("custody.feltham").exchange("/api/journeys", HttpMethod.POST, json(entry), Map.class);
        assertThat(entered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void eachDirectoryTeamGetsItsTasklistFiltersAndOtherDirectoryGroupsNone() {
        ProcessInstance journey = lewishamJourney("DIR-FILTER");
        String taskId = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();

        List<String> names = filterNames("yot.lewisham");
        assertThat(names).contains("My team's tasks (Lewisham YOT)", "Overdue (Lewisham YOT)", "Assigned to me")
                .doesNotContain("My team's tasks (Leeds YOT)");
        assertThat(filterNames("yot.leeds")).contains("My team's tasks (Leeds YOT)");
        assertThat(engine.getFilterService().createFilterQuery().filterNameLike("%staff-canteen%").count())
                .as("a directory group that is not a team").isZero();

        String filterId = engine.getFilterService().createFilterQuery().filterName("My team's tasks (Lewisham YOT)")
                .singleResult().getId();
        var listed = as("yot.lewisham").postForEntity("/engine-rest/filter/" + filterId + "/list", json(Map.of()),
                Map[].class).getBody();
        assertThat(Arrays.stream(listed).map(t -> t.get("id"))).contains(taskId);
    }

    @Test
    void aNewTaskIsMailedToTheTeamAtTheirDirectoryAddress() throws Exception {
        as("yot.lewisham").exchange("/api/me/mail-delivery", HttpMethod.PUT, json(Map.of("delivery", "immediate")), Map.class);
        lewishamJourney("DIR-MAIL");
        Mailbox.deliverQueued(engine);

        List<String> recipients = new java.util.ArrayList<>();
        for (var mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().contains("DIR-MAIL")) {
                recipients.add(mail.getAllRecipients()[0].toString());
            }
        }
        assertThat(recipients).contains("lewisham.worker@lewisham.example").doesNotContain("leeds.worker@leeds.example");
    }

    @Test
    void aDirectoryUserKeepsTheirMailPreferenceAndGetsNoMailPerTaskWithTheDigest() throws Exception {
        var saved = as("yot.lewisham").exchange("/api/me/mail-delivery", HttpMethod.PUT,
                json(Map.of("delivery", "digest")), Map.class);
        try {
            assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(as("yot.lewisham").getForObject("/api/me/mail-delivery", Map.class)).containsEntry("delivery", "digest");

            lewishamJourney("DIR-DIGEST");
            Mailbox.deliverQueued(engine);
            List<String> told = new java.util.ArrayList<>();
            for (var mail : smtp.getReceivedMessages()) {
                if (subject(mail).contains("DIR-DIGEST")) {
                    told.add(mail.getAllRecipients()[0].toString());
                }
            }
            assertThat(told).as("the member who chose the digest reads new tasks there; the other gets each at once")
                    .contains("second.worker@lewisham.example").doesNotContain("lewisham.worker@lewisham.example");
        } finally {
            as("yot.lewisham").exchange("/api/me/mail-delivery", HttpMethod.PUT, json(Map.of("delivery", "immediate")), Map.class);
        }
    }

    static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDirectorysAdministratorsAdministerAndPractitionersDoNot() {
        var authorizations = engine.getAuthorizationService();
        assertThat(authorizations.isUserAuthorized("admin", List.of("camunda-admin"), Permissions.ACCESS,
                Resources.APPLICATION, "admin")).isTrue();
        assertThat(authorizations.isUserAuthorized("yot.lewisham", List.of("yot-lewisham"), Permissions.ACCESS,
                Resources.APPLICATION, "admin")).isFalse();

        String reference = lewishamJourney("DIR-ADMIN").getBusinessKey();
        String journeys = "/engine-rest/process-instance?processDefinitionKey=resettlement-journey&businessKey=" + reference;
        assertThat(http.withBasicAuth("admin", "admin-directory-password").getForObject(journeys, Map[].class)).hasSize(1);
        assertThat(as("yot.leeds").getForObject(journeys, Map[].class)).isEmpty();
    }

    @Test
    void theServiceReadsTheDirectoryAndWritesNoUsers() {
        assertThat(engine.getIdentityService().isReadOnly()).isTrue();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("yot-lewisham").list())
                .extracting(u -> u.getId() + " " + u.getEmail()).containsExactly("yot.lewisham lewisham.worker@lewisham.example",
                        "yot.lewisham-second second.worker@lewisham.example");
        for (String table : List.of("ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
        }
    }

    @Test
    void anAdminUserWhoIsNotADirectoryAdministratorStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new DirectoryUsers.DirectoryCheck("yot.lewisham").postProcessEngineBuild(engine))
                .hasMessageContaining("the admin user 'yot.lewisham' (TTG_ADMIN_USER) must be a directory user in the group 'camunda-admin'");
        new DirectoryUsers.DirectoryCheck("admin").postProcessEngineBuild(engine);
    }

    ProcessInstance lewishamJourney(String reference) {
        return JourneyScenario.start(engine, JourneyScenario.lewishamCase(reference + "-" + System.nanoTime()));
    }

    List<String> taskIds(String user) {
        return Arrays.stream(as(user).getForEntity("/engine-rest/task?maxResults=1000", Map[].class).getBody())
                .map(t -> (String) t.get("id")).toList();
    }

    List<String> filterNames(String user) {
        return Arrays.stream(as(user).getForEntity("/engine-rest/filter?resourceType=Task", Map[].class).getBody())
                .map(f -> (String) f.get("name")).toList();
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-directory-password");
    }


    /** The organisation's directory: people under ou=people, teams as groupOfNames under ou=teams. */
    static InMemoryDirectoryServer directory() {
        try {
            var config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            config.setSchema(null);
            var server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: domain", "dc: throughthegate");
            for (String ou : List.of("people", "teams", "services")) {
                server.add("dn: ou=" + ou + "," + BASE, "objectClass: organizationalUnit", "ou: " + ou);
            }
            server.add("dn: cn=ttg-service,ou=services," + BASE, "objectClass: person", "cn: ttg-service",
                    "sn: service", "userPassword: " + MANAGER_PASSWORD);
            person(server, "admin", "admin@throughthegate.example");
            person(server, "yot.lewisham", "lewisham.worker@lewisham.example");
            person(server, "yot.leeds", "leeds.worker@leeds.example");
            person(server, "yot.lewisham-second", "second.worker@lewisham.example");
            person(server, "custody.feltham", "feltham.worker@feltham.example");
            person(server, "custody.wetherby", "wetherby.worker@wetherby.example");
            team(server, "camunda-admin", "admin");
            team(server, "yot-lewisham", "yot.lewisham", "yot.lewisham-second");
            team(server, "yot-leeds", "yot.leeds");
            team(server, "custody-feltham", "custody.feltham");
            team(server, "custody-wetherby", "custody.wetherby");
            team(server, "staff-canteen", "yot.lewisham", "yot.leeds");
            server.startListening();
            return server;
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    static void person(InMemoryDirectoryServer server, String uid, String mail) throws LDAPException, com.unboundid.ldif.LDIFException {
        server.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid,
                "cn: " + uid, "givenName: " + uid.substring(0, uid.indexOf('.') < 0 ? uid.length() : uid.indexOf('.')),
                "sn: worker", "mail: " + mail, "userPassword: " + uid + "-directory-password");
    }

    static void team(InMemoryDirectoryServer server, String cn, String... members) throws LDAPException, com.unboundid.ldif.LDIFException {
        String[] lines = new String[3 + members.length];
        lines[0] = "dn: cn=" + cn + ",ou=teams," + BASE;
        lines[1] = "objectClass: groupOfNames";
        lines[2] = "cn: " + cn;
        for (int i = 0; i < members.length; i++) {
            lines[3 + i] = "member: uid=" + members[i] + ",ou=people," + BASE;
        }
        server.add(lines);
    }

    static GreenMail smtp() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }
}
