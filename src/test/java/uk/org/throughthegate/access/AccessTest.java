package uk.org.throughthegate.access;

import static uk.org.throughthegate.access.JsonRequest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import uk.org.throughthegate.journey.JourneyScenario;

/**
 * Children's records reach only the teams on the case, through the engine REST API exactly as
 * Tasklist, Cockpit and the Modeler use it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ReadableCaseCounts counts;

    @BeforeEach
    void people() {
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "yot.leeds", "yot-leeds");
        TestPeople.person(engine, "custody.feltham", "custody-feltham");
        TestPeople.person(engine, "custody.wetherby", "custody-wetherby");
        TestPeople.person(engine, "provider.accommodation", "provider-accommodation");
        TestPeople.person(engine, "provider.ete", "provider-ete");
        TestPeople.person(engine, "housing.lewisham", "housing-lewisham");
        TestPeople.person(engine, "housing.leeds", "housing-leeds");
        TestPeople.person(engine, "pm.southlondon", "pm-south-london");
        TestPeople.person(engine, "pm.yorkshire", "pm-south-west-yorkshire");
        TestPeople.person(engine, "owner", "process-owners");
    }

    @Autowired
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping ourEndpoints;

    /**
     * Every endpoint Spring maps for us (found from the handler mappings, not listed by hand) and
     * every resource of the engine's REST API answers 401 to a call without credentials.
     */
    @Test
    void everyRestEndpointOfOursAndTheEnginesRequiresCredentials() {
        List<String> calls = new java.util.ArrayList<>();
        ourEndpoints.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("uk.org.throughthegate")) {
                return;
            }
            var methods = mapping.getMethodsCondition().getMethods().isEmpty()
                    ? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                    : mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                methods.forEach(m -> calls.add(m.name() + " " + pattern.replaceAll("\\{[^}]+}", "X-1")));
            }
        });
        for (Class<?> resource : org.camunda.bpm.engine.rest.impl.CamundaRestResources.getResourceClasses()) {
            var root = resource.getAnnotation(jakarta.ws.rs.Path.class);
            for (var method : resource.getMethods()) {
                var path = method.getAnnotation(jakarta.ws.rs.Path.class);
                if (path != null) {
                    String url = ("/engine-rest/" + (root == null ? "" : root.value()) + "/" + path.value())
                            .replaceAll("/+", "/").replace("/engine/{name}", "/engine/default")
                            .replaceAll("\\{[^}]+}", "x");
                    calls.add("GET " + url);
                    calls.add("POST " + url);
                }
            }
        }
        assertThat(calls).as("our endpoints are found").contains("POST /api/journeys", "GET /api/me/mail-delivery",
                "POST /api/migrations/X-1", "GET /mails", "GET /engine-rest/task", "POST /engine-rest/deployment")
                .hasSizeGreaterThan(40);
        for (String call : calls) {
            String[] parts = call.split(" ", 2);
            var response = http.exchange(parts[1], HttpMethod.valueOf(parts[0]), json(Map.of()), String.class);
            assertThat(response.getStatusCode()).as(call).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void wrongCredentialsGet401() {
        // a user of its own: the engine delays a user's logins after a wrong password
        TestPeople.person(engine, "yot.guesser", "yot-lewisham");
        assertThat(http.withBasicAuth("yot.guesser", "guess").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest(name = "{2} cannot list, read, claim or complete {1}'s task of {0}")
    @CsvSource({
            "Task_RecordConsent, yot.lewisham, yot.leeds",
            "Task_RecordConsent, yot.lewisham, custody.wetherby",
            "Task_HoldInitialPlanningMeeting, custody.feltham, custody.wetherby",
            "Task_HoldInitialPlanningMeeting, custody.feltham, yot.leeds",
            "Task_ProposeAccommodation, provider.accommodation, provider.ete",
            "Task_AssessHomelessness, housing.lewisham, housing.leeds",
            "Task_AssessHomelessness, housing.lewisham, provider.accommodation",
            "Task_ResolveOverdueProjectManager, pm.southlondon, pm.yorkshire"})
    void anotherTeamCannotListReadClaimOrCompleteATask(String taskKey, String owner, String stranger) {
        ProcessInstance journey = journeyAt(taskKey);
        String taskId = JourneyScenario.task(engine, journey, taskKey).getId();

        assertThat(taskIds(owner)).contains(taskId);
        assertThat(taskIds(stranger)).doesNotContain(taskId);
        assertThat(as(stranger).getForEntity("/engine-rest/task/" + taskId, String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(as(stranger).getForEntity("/engine-rest/task/" + taskId + "/variables", String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(as(stranger).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                json(Map.of("userId", stranger)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(stranger).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                json(Map.of("variables", Map.of())), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    /**
     * Every pair of the teams here: Lewisham and Leeds YOTs, Feltham and Wetherby custody, the
     * accommodation and ETE providers, South London's and Yorkshire's project managers. Each team
     * holds an open task of its own; every person not on a task's teams can neither list, read,
     * claim nor complete it.
     */
    @Test
    void forEveryPairOfTeamsOneCannotListReadClaimOrCompleteTheOthersTasks() {
        List<ProcessInstance> journeys = new java.util.ArrayList<>();
        for (String yot : List.of("lewisham", "leeds")) {
            var entry = lewishamCase(unique("PAIRS-" + yot.toUpperCase()));
            entry.put("homeYot", yot);
            entry.put("establishment", yot.equals("leeds") ? "wetherby" : "feltham");
            ProcessInstance atConsent = JourneyScenario.start(engine, entry);
            entry.put("caseReference", unique("PAIRS-LATE-" + yot.toUpperCase()));
            ProcessInstance late = JourneyScenario.start(engine, entry);
            complete(engine, late, "Task_RecordConsent");
            ProcessInstance ladder = JourneyScenario.lateToProjectManagers(engine, late, "Task_HoldInitialPlanningMeeting");
            journeys.addAll(List.of(atConsent, late, ladder));
        }
        journeys.add(journeyAt("Task_ProposeAccommodation"));
        ProcessInstance eteReferral = journeyAt("Task_HoldInitialPlanningMeeting");
        complete(engine, eteReferral, "Task_HoldInitialPlanningMeeting");
        complete(engine, eteReferral, "Task_AssessNeeds", uk.org.throughthegate.journey.JourneyScenarioNeeds.onlyEte());
        journeys.add(eteReferral);
        List<String> people = List.of("yot.lewisham", "yot.leeds", "custody.feltham", "custody.wetherby",
                "provider.accommodation", "provider.ete", "pm.southlondon", "pm.yorkshire");
        java.util.Map<String, List<String>> listed = new java.util.HashMap<>();
        people.forEach(p -> listed.put(p, taskIds(p)));

        int checked = 0;
        java.util.Set<String> owners = new java.util.HashSet<>();
        for (ProcessInstance journey : journeys) {
            for (var task : engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).list()) {
                List<String> teams = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
                owners.addAll(teams);
                for (String person : people) {
                    boolean onTeam = engine.getIdentityService().createGroupQuery().groupMember(person).list().stream()
                            .anyMatch(g -> teams.contains(g.getId()));
                    if (onTeam) {
                        assertThat(listed.get(person)).as(person + " lists " + task.getName()).contains(task.getId());
                        continue;
                    }
                    String what = person + " on " + task.getName() + " of " + teams;
                    assertThat(listed.get(person)).as(what).doesNotContain(task.getId());
                    assertThat(as(person).getForEntity("/engine-rest/task/" + task.getId(), String.class).getStatusCode())
                            .as(what).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
                    assertThat(as(person).exchange("/engine-rest/task/" + task.getId() + "/claim", HttpMethod.POST,
                            json(Map.of("userId", person)), String.class).getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(as(person).exchange("/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                            json(Map.of("variables", Map.of())), String.class).getStatusCode()).as(what)
                            .isEqualTo(HttpStatus.FORBIDDEN);
                    checked++;
                }
            }
        }
        assertThat(owners).as("every team holds a task").containsAll(List.of("yot-lewisham", "yot-leeds",
                "custody-feltham", "custody-wetherby", "provider-accommodation", "provider-ete", "pm-south-london",
                "pm-south-west-yorkshire"));
        // each late journey's ladder holds a YOT managers' task none of the eight may touch (8 each)
        assertThat(checked).as("pairs of task and stranger checked").isEqualTo(70);
        for (ProcessInstance journey : journeys) {
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).taskAssigned().count())
                    .as("nothing was claimed").isZero();
        }
    }

    @ParameterizedTest(name = "{0} ({1}): tasklist {2}, cockpit {3}, admin {4}")
    @CsvSource({
            "yot.lewisham, yot-lewisham, true, false, false",
            "provider.ete, provider-ete, true, false, false",
            "pm.southlondon, pm-south-london, true, true, false",
            "lead.southlondon, sl-south-london, true, true, false",
            "owner, process-owners, true, true, false",
            "admin, camunda-admin, true, true, true"})
    void eachRoleGetsItsWebapps(String user, String group, boolean tasklist, boolean cockpit, boolean admin) {
        var authorizations = engine.getAuthorizationService();
        for (var app : List.of(Map.entry("tasklist", tasklist), Map.entry("cockpit", cockpit), Map.entry("admin", admin))) {
            assertThat(authorizations.isUserAuthorized(user, List.of(group), org.camunda.bpm.engine.authorization.Permissions.ACCESS,
                    Resources.APPLICATION, app.getKey())).as(app.getKey()).isEqualTo(app.getValue());
        }
    }

    @Test
    void theCasesTeamWorksItsTaskThroughRest() {
        ProcessInstance journey = journeyAt("Task_RecordConsent");
        String taskId = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();

        assertThat(as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                json(Map.of("userId", "yot.lewisham")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var done = as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                json(Map.of("variables", Map.of("consentToShare", Map.of("value", "given"), "consentExplained", Map.of("value", true), "lookedAfter", Map.of("value", "no"), "yotCaseWorker", Map.of("value", "Sam, YOT case worker"), "yotCaseWorkerContact", Map.of("value", "020 8314 0000"), "yotResettlementContact", Map.of("value", "Resettlement lead, 020 8314 0001")))), String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * The deadlines bind the teams that work the tasks: they claim and complete, but the due date,
     * name and candidate groups are the model's (only the engine moves them, when the release date moves).
     */
    @Test
    void theCasesTeamWorksItsTaskButCannotMoveItsDeadlineOrHandItToAnotherTeam() {
        ProcessInstance journey = journeyAt("Task_RecordConsent");
        String taskId = JourneyScenario.task(engine, journey, "Task_RecordConsent").getId();
        var before = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();

        var moveDueDate = as("yot.lewisham").exchange("/engine-rest/task/" + taskId, HttpMethod.PUT,
                json(Map.of("name", "Renamed", "due", "2099-01-01T17:00:00.000+0000")), String.class);
        var otherTeam = as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/identity-links", HttpMethod.POST,
                json(Map.of("groupId", "yot-leeds", "type", "candidate")), String.class);
        var dropTeam = as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/identity-links/delete", HttpMethod.POST,
                json(Map.of("groupId", "yot-lewisham", "type", "candidate")), String.class);

        assertThat(moveDueDate.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dropTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var after = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
        assertThat(after.getName()).isEqualTo(before.getName());
        assertThat(engine.getTaskService().getIdentityLinksForTask(taskId)).extracting(l -> l.getGroupId())
                .containsExactly("yot-lewisham");

        assertThat(as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                json(Map.of("userId", "yot.lewisham")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var done = as("yot.lewisham").exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                json(Map.of("variables", Map.of("consentToShare", Map.of("value", "given"), "consentExplained", Map.of("value", true), "lookedAfter", Map.of("value", "no"), "yotCaseWorker", Map.of("value", "Sam, YOT case worker"), "yotCaseWorkerContact", Map.of("value", "020 8314 0000"), "yotResettlementContact", Map.of("value", "Resettlement lead, 020 8314 0001")))), String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aJourneysVariablesAreReadByItsTeamsOnly() {
        String reference = unique("LEW-VARS");
        ProcessInstance journey = JourneyScenario.start(engine, lewishamCase(reference));
        String path = "/engine-rest/process-instance/" + journey.getId() + "/variables";

        for (String member : List.of("yot.lewisham", "custody.feltham", "pm.southlondon")) {
            var response = as(member).getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(member).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).contains(reference);
        }
        for (String stranger : List.of("yot.leeds", "custody.wetherby", "pm.yorkshire", "provider.ete")) {
            var response = as(stranger).getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(stranger).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(response.getBody()).doesNotContain(reference);
        }
    }

    /**
     * Access is granted, never revoked: the engine checks no revoke (a revoke check per command
     * cost a statement on every call). A revoke an administrator makes in Admin changes nothing,
     * even where it would otherwise win (over a grant to everyone: every user reads the journey's
     * model); deleting the team's grant takes the case away.
     */
    @Test
    void aRevokeChangesNothingDeletingTheGrantTakesTheCaseAway() {
        assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getAuthorizationCheckRevokes()).isEqualTo("never");
        var grants = engine.getAuthorizationService();
        var revoke = grants.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE);
        revoke.setGroupId("yot-lewisham");
        revoke.setResource(Resources.PROCESS_DEFINITION);
        revoke.setResourceId("resettlement-journey");
        revoke.removePermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        grants.saveAuthorization(revoke);
        try {
            assertThat(as("yot.lewisham").getForEntity("/engine-rest/process-definition/key/resettlement-journey",
                    String.class).getStatusCode()).as("the journey's model, read after a revoke").isEqualTo(HttpStatus.OK);
        } finally {
            grants.deleteAuthorization(revoke.getId());
        }

        String reference = unique("LEW-REVOKE");
        ProcessInstance journey = JourneyScenario.start(engine, lewishamCase(reference));
        String path = "/engine-rest/process-instance/" + journey.getId() + "/variables";
        assertThat(as("yot.lewisham").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        CaseAccess.revokeRead(grants, journey.getId(), "yot-lewisham");
        var response = as("yot.lewisham").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as("read after the grant is deleted")
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).doesNotContain(reference);
    }

    /**
     * A provider holding a referral works it knowing the case reference, the dates that bind its
     * work and its own pathway's facts: what the referral's form shows. The child's date of birth
     * and the other pathways' needs are not the provider's, by any route.
     */
    @Test
    void aProviderHoldingAReferralSeesWhatItsFormShowsAndNothingElseOfTheCase() {
        ProcessInstance journey = journeyAt("Task_ProposeAccommodation");
        String reference = (String) engine.getRuntimeService().getVariable(journey.getId(), "caseReference");
        String referral = JourneyScenario.task(engine, journey, "Task_ProposeAccommodation").getId();
        var provider = as("provider.accommodation");

        assertThat(provider.getForEntity("/engine-rest/process-instance/" + journey.getId() + "/variables", String.class)
                .getStatusCode()).as("the journey itself").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        // Tasklist asks the same engine commands through its own API (a Tasklist session): asked here through the engine REST
        for (String path : List.of("/engine-rest/task/" + referral + "/variables", "/engine-rest/task/" + referral + "/form-variables")) {
            var shown = provider.getForEntity(path, Map.class);
            assertThat(shown.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(shown.getBody().keySet()).as(path)
                    .contains("caseReference", "releaseDate", "homeYotName", "accommodationDue", "homelessnessOutcome")
                    .doesNotContain("dateOfBirth", "sentenceType", "establishment", "substanceMisusePathway", "healthPathway");
            assertThat(shown.getBody().get("homeYotName").toString()).as("the YOT by name, not its id").contains("Lewisham");
        }
        assertThat(provider.getForEntity("/engine-rest/task/" + referral + "/variables/dateOfBirth", String.class)
                .getStatusCode()).as("one variable by name").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(provider.getForEntity("/engine-rest/task/" + referral + "/variables/releaseDate", Map.class)
                .getBody().get("value")).isEqualTo("2027-04-01");
        for (String path : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + journey.getId(),
                "/engine-rest/history/variable-instance?processInstanceId=" + journey.getId(),
                "/engine-rest/history/detail?processInstanceId=" + journey.getId())) {
            assertThat(provider.getForEntity(path, String.class).getBody()).as(path).doesNotContain("dateOfBirth", "2010-05-05");
        }
        assertThat(as("yot.lewisham").getForEntity("/engine-rest/process-instance/" + journey.getId() + "/variables", Map.class)
                .getBody()).as("the case's YOT reads the whole case").containsKeys("dateOfBirth", "caseReference");
        TestPeople.person(engine, "admin.referral", "camunda-admin");
        assertThat(as("admin.referral").getForEntity("/engine-rest/task/" + referral + "/variables", Map.class).getBody())
                .as("an administrator reads the whole case through the referral").containsKeys("dateOfBirth", "caseReference");

        var done = provider.exchange("/engine-rest/task/" + referral + "/complete", HttpMethod.POST, json(Map.of(
                "withVariablesInReturn", true, "variables", Map.of(
                        "accommodationType", Map.of("value", "supported-accommodation"),
                        "proposedAccommodation", Map.of("value", "Supported lodgings, Catford")))), Map.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody().keySet()).as("the variables a completion returns")
                .contains("caseReference", "proposedAccommodation").doesNotContain("dateOfBirth");
        assertThat(engine.getRuntimeService().getVariable(journey.getId(), "proposedAccommodation"))
                .as("what the provider submitted reaches the journey").isEqualTo("Supported lodgings, Catford");
        assertThat(reference).isNotNull();
    }

    /** The home council's housing officer assesses homelessness knowing the case's dates, not the child. */
    @Test
    void theHomeCouncilsHousingOfficerSeesWhatTheAssessmentShowsAndNotTheJourney() {
        ProcessInstance journey = journeyAt("Task_AssessHomelessness");
        String assessment = JourneyScenario.task(engine, journey, "Task_AssessHomelessness").getId();
        var housing = as("housing.lewisham");

        assertThat(taskIds("housing.lewisham")).contains(assessment);
        assertThat(housing.getForEntity("/engine-rest/process-instance/" + journey.getId() + "/variables", String.class)
                .getStatusCode()).as("the journey itself").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        var shown = housing.getForEntity("/engine-rest/task/" + assessment + "/form-variables", Map.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody().keySet()).contains("caseReference", "sentenceDate", "releaseDate")
                .doesNotContain("dateOfBirth", "healthPathway", "substanceMisusePathway");
        assertThat(engine.getTaskService().getVariableLocal(assessment, "releaseDate"))
                .as("its Tasklist column, copied to the referral").isEqualTo("2027-04-01");

        var done = housing.exchange("/engine-rest/task/" + assessment + "/complete", HttpMethod.POST, json(Map.of(
                "variables", Map.of("homelessnessAssessedOn", Map.of("value", "08/01/2027"),
                        "homelessnessOutcome", Map.of("value", "homeless"),
                        "homelessnessDuty", Map.of("value", "Relief duty: supported lodgings sought")))), String.class);
        assertThat(done.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
        assertThat(engine.getRuntimeService().getVariable(journey.getId(), "homelessnessOutcome")).isEqualTo("homeless");
    }

    /** Tasklist's list shows a referral's case reference and release date to the provider working it. */
    @Test
    void aProvidersTasklistShowsTheCaseReferenceAndReleaseDateOfItsReferrals() {
        ProcessInstance journey = journeyAt("Task_ProposeAccommodation");
        String reference = (String) engine.getRuntimeService().getVariable(journey.getId(), "caseReference");
        var filters = engine.getFilterService();
        var filter = filters.saveFilter(filters.newTaskFilter("referrals-" + reference)
                .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("provider-accommodation"))
                .setProperties(Map.of("variables", List.of(Map.of("name", "caseReference", "label", "Case"),
                        Map.of("name", "releaseDate", "label", "Release date")))));
        var read = engine.getAuthorizationService().createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        read.setGroupId("provider-accommodation");
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(read);

        HttpHeaders hal = new HttpHeaders();
        hal.setContentType(MediaType.APPLICATION_JSON);
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        var listed = as("provider.accommodation").exchange("/engine-rest/filter/" + filter.getId() + "/list?maxResults=1000",
                HttpMethod.POST, new HttpEntity<>(Map.of(), hal), String.class);

        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).contains(reference, "2027-04-01").doesNotContain("2010-05-05");
    }

    @Test
    void theConsortiumsManagersAndStrategicLeadReadItsJourneysAndHistoryIsReadPerCase() {
        TestPeople.person(engine, "manager.lewisham", "yot-managers-lewisham");
        TestPeople.person(engine, "lead.southlondon", "sl-south-london");
        TestPeople.person(engine, "lead.yorkshire", "sl-south-west-yorkshire");
        ProcessInstance journey = journeyAt("Task_HoldInitialPlanningMeeting");

        for (String reader : List.of("manager.lewisham", "lead.southlondon")) {
            assertThat(as(reader).getForEntity("/engine-rest/process-instance/" + journey.getId() + "/variables",
                    String.class).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
        }
        String history = "/engine-rest/history/activity-instance?processInstanceId=" + journey.getId();
        assertThat(as("yot.lewisham").getForEntity(history, String.class).getBody())
                .as("the case's YOT reads what has happened").contains("Task_RecordConsent");
        for (String stranger : List.of("yot.leeds", "lead.yorkshire")) {
            var response = as(stranger).getForEntity(history, String.class);
            assertThat(response.getBody()).as(stranger).doesNotContain("Task_RecordConsent");
            assertThat(as(stranger).getForEntity("/engine-rest/history/process-instance/" + journey.getId(), String.class)
                    .getStatusCode()).as(stranger).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
    }

    /**
     * A task is granted to each of its teams once, on the task: its history is read through the
     * team's grant on the case's history, so no grant per task is kept for seven years.
     */
    @Test
    void aTasksTeamsAreGrantedTheTaskAndReadItsHistoryThroughTheCase() {
        ProcessInstance journey = journeyAt("Task_HoldInitialPlanningMeeting");
        String meeting = engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_HoldInitialPlanningMeeting").singleResult().getId();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(meeting).list())
                .extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrder("yot-lewisham", "custody-feltham");
        assertThat(engine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_TASK).resourceId(meeting).count())
                .as("no grant on the task's history").isZero();
        for (String team : List.of("yot.lewisham", "custody.feltham")) {
            assertThat(as(team).getForEntity("/engine-rest/history/task?taskId=" + meeting, String.class).getBody())
                    .as(team + " reads the task's history").contains("Task_HoldInitialPlanningMeeting");
        }
        assertThat(as("yot.leeds").getForEntity("/engine-rest/history/task?taskId=" + meeting, String.class).getBody())
                .as("another YOT does not").doesNotContain("Task_HoldInitialPlanningMeeting");
    }

    /**
     * A team offered a task already open is granted it, once: the grant a team already holds is
     * found and kept (only a task made in the same step skips that look-up, as it has no grants yet).
     */
    @Test
    void aTeamOfferedAnOpenTaskIsGrantedItOnce() {
        ProcessInstance journey = journeyAt("Task_HoldInitialPlanningMeeting");
        String meeting = engine.getTaskService().createTaskQuery().processInstanceId(journey.getId())
                .taskDefinitionKey("Task_HoldInitialPlanningMeeting").singleResult().getId();
        try {
            engine.getTaskService().addCandidateGroup(meeting, "yot-lewisham");
            engine.getTaskService().addCandidateGroup(meeting, "yot-leeds");
            assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(meeting).list())
                    .extracting(Authorization::getGroupId)
                    .containsExactlyInAnyOrder("yot-lewisham", "custody-feltham", "yot-leeds");
            assertThat(as("yot.leeds").getForEntity("/engine-rest/task?taskId=" + meeting, String.class).getBody())
                    .as("the team offered the task sees it").contains(meeting);
        } finally {
            // a Lewisham task offered to Leeds would show in other tests' figures (the dashboard's overdue teams)
            engine.getRuntimeService().deleteProcessInstance(journey.getId(), "test over", true, true);
        }
    }

    @Test
    void aProjectManagerListsOnlyTheirConsortiumsJourneys() {
        String lewisham = unique("LEW-PM");
        String leedsReference = unique("LEE-PM");
        JourneyScenario.start(engine, lewishamCase(lewisham));
        var leeds = lewishamCase(leedsReference);
        leeds.put("homeYot", "leeds");
        leeds.put("establishment", "wetherby");
        JourneyScenario.start(engine, leeds);

        String path = "/engine-rest/process-instance?processDefinitionKey=resettlement-journey";
        assertThat(as("pm.southlondon").getForEntity(path, String.class).getBody()).contains(lewisham).doesNotContain(leedsReference);
        assertThat(as("pm.yorkshire").getForEntity(path, String.class).getBody()).contains(leedsReference).doesNotContain(lewisham);
    }

    /**
     * Cockpit's dashboard and process list count journeys per definition: a manager's counts are
     * the journeys they may open, never another consortium's (the engine counts every instance of
     * a definition the user may read).
     */
    @Test
    void aProjectManagersCockpitCountsAreTheirConsortiumsJourneysOnly() {
        String lewisham = unique("LEW-COUNT");
        JourneyScenario.start(engine, lewishamCase(lewisham));
        var leeds = lewishamCase(unique("LEE-COUNT"));
        leeds.put("homeYot", "leeds");
        leeds.put("establishment", "wetherby");
        ProcessInstance leedsJourney = JourneyScenario.start(engine, leeds);
        var incident = engine.getRuntimeService().createIncident("countsProbe",
                JourneyScenario.task(engine, leedsJourney, "Task_RecordConsent").getExecutionId(), "counted for Yorkshire only");
        long everyJourney = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("resettlement-journey").count();
        long everyIncident = engine.getRuntimeService().createIncidentQuery().processDefinitionKeyIn("resettlement-journey").count();

        for (String manager : List.of("pm.southlondon", "pm.yorkshire")) {
            long theirs = ((Number) as(manager).getForObject(
                    "/engine-rest/process-instance/count?processDefinitionKey=resettlement-journey", Map.class).get("count")).longValue();
            assertThat(theirs).as(manager + " lists some journeys, not every one").isPositive().isLessThan(everyJourney);

            Map<?, ?>[] dashboard = as(manager).getForObject("/engine-rest/process-definition/statistics?rootIncidents=true", Map[].class);
            assertThat(journeys(dashboard, "instances")).as(manager + " on Cockpit's dashboard").isEqualTo(theirs);

            Map<?, ?>[] processes = cockpit(manager, "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
                    + "?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc");
            assertThat(journeys(processes, "instances")).as(manager + " on Cockpit's process list").isEqualTo(theirs);

            long theirIncidents = ((Number) as(manager).getForObject(
                    "/engine-rest/incident/count?processDefinitionKeyIn=resettlement-journey", Map.class).get("count")).longValue();
            if (manager.equals("pm.southlondon")) {
                assertThat(theirIncidents).as("the Leeds incident is not South London's").isLessThan(everyIncident);
            } else {
                assertThat(theirIncidents).as("the Leeds incident is Yorkshire's").isPositive();
            }
            assertThat(java.util.Arrays.stream(dashboard).filter(d -> d.get("definition") instanceof Map<?, ?> def
                            && "resettlement-journey".equals(def.get("key")))
                    .flatMap(d -> ((List<?>) d.get("incidents")).stream())
                    .mapToLong(i -> ((Number) ((Map<?, ?>) i).get("incidentCount")).longValue()).sum())
                    .as(manager + " incidents on Cockpit's dashboard").isEqualTo(theirIncidents);
            assertThat(journeys(processes, "incidents")).as(manager + " incidents on Cockpit's process list").isEqualTo(theirIncidents);
        }
        assertThat(counts.adapted()).as("no statistics fell back to counting every case").contains("engine", "cockpit");
        TestPeople.person(engine, "admin.counts", "camunda-admin");
        assertThat(journeys(as("admin.counts").getForObject("/engine-rest/process-definition/statistics", Map[].class), "instances"))
                .as("an administrator counts every journey").isEqualTo(everyJourney);
        engine.getRuntimeService().resolveIncident(incident.getId());
    }

    private static long journeys(Map<?, ?>[] statistics, String field) {
        return java.util.Arrays.stream(statistics)
                .filter(s -> "resettlement-journey".equals(s.get("key"))
                        || s.get("definition") instanceof Map<?, ?> d && "resettlement-journey".equals(d.get("key")))
                .mapToLong(s -> ((Number) s.get(field)).longValue()).sum();
    }

    /** A GET through Cockpit's own API, which knows only the session of a login to Cockpit. */
    private Map<?, ?>[] cockpit(String user, String path) {
        HttpHeaders session = WebappLogin.session(http, "cockpit", user);
        var answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(session), Map[].class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @Test
    void someoneNotOnTheCasesTeamsCannotEnterItIntoCustody() {
        var response = as("yot.leeds").exchange("/api/journeys", HttpMethod.POST, json(lewishamCase("LEW-NOT-MINE")), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").toString()).contains("'yot.leeds' is not on a team of this case");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("LEW-NOT-MINE").count()).isZero();
    }

    @Test
    void theModelerDeploysWithAProcessOwnersCredentialsAndNotAPractitioners() {
        assertThat(deploy("owner").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deploy("yot.lewisham").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    ResponseEntity<String> deploy(String user) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "modeler-" + user);
        body.add("deployment-source", "Camunda Modeler");
        body.add("data", new ByteArrayResource(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions "
                + "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
                + "id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"owner-sketch-" + user.replace('.', '-')
                + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><bpmn:startEvent id=\"s\"/></bpmn:process>"
                + "</bpmn:definitions>").getBytes()) {
            @Override
            public String getFilename() {
                return "sketch.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /** A journey waiting at the given task (for the project managers' rung: its meeting deadline missed). */
    ProcessInstance journeyAt(String taskKey) {
        ProcessInstance journey = JourneyScenario.start(engine, lewishamCase(unique("LEW")));
        if (taskKey.equals("Task_RecordConsent")) {
            return journey;
        }
        complete(engine, journey, "Task_RecordConsent");
        if (taskKey.equals("Task_ResolveOverdueProjectManager")) {
            return JourneyScenario.lateToProjectManagers(engine, journey, "Task_HoldInitialPlanningMeeting");
        }
        if (taskKey.equals("Task_ProposeAccommodation") || taskKey.equals("Task_AssessHomelessness")) {
            complete(engine, journey, "Task_HoldInitialPlanningMeeting");
            Object[] needs = uk.org.throughthegate.journey.JourneyScenarioNeeds.onlyAccommodation();
            complete(engine, journey, "Task_AssessNeeds", needs);
        }
        if (taskKey.equals("Task_ProposeAccommodation")) {
            complete(engine, journey, "Task_AssessHomelessness");
        }
        return journey;
    }

    List<String> taskIds(String user) {
        var tasks = as(user).getForEntity("/engine-rest/task?maxResults=1000", Map[].class).getBody();
        return java.util.Arrays.stream(tasks).map(t -> (String) t.get("id")).toList();
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestPeople.PASSWORD);
    }


    /** Case references unique to this run: PostgresAccessTest runs these tests again on a kept database. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}
