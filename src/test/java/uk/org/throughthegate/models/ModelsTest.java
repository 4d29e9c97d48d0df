package uk.org.throughthegate.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads every file in bpmn/ and forms/ as a process owner would leave them and fails on what a
 * practitioner would trip over in Tasklist: a task without a form, a form that does not exist, a
 * task for nobody, an element the Modeler cannot show.
 */
class ModelsTest {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyUserTaskHasAnExistingFormAndACandidateGroup() throws IOException {
        Set<String> forms = formIds();
        List<String> problems = new ArrayList<>();
        for (Path file : files("bpmn", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = file.getFileName() + " " + task.getId();
                if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                    problems.add(where + " has no candidate group");
                }
                String ref = task.getAttributeValueNs(CAMUNDA, "formRef");
                if (ref == null) {
                    problems.add(where + " has no form");
                } else if (!forms.contains(ref)) {
                    problems.add(where + " refers to form '" + ref + "', which no file in forms/ defines");
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                String ref = start.getAttributeValueNs(CAMUNDA, "formRef");
                if (ref != null && !forms.contains(ref)) {
                    problems.add(file.getFileName() + " " + start.getId() + " refers to missing form '" + ref + "'");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProcessIsNamedAfterItsFileHasAHistoryTimeToLiveAndEveryElementANameAndAShape() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("bpmn", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (!file.getFileName().toString().equals(process.getId() + ".bpmn")) {
                    problems.add(file.getFileName() + " defines process " + process.getId());
                }
                if (process.getCamundaHistoryTimeToLiveString() == null) {
                    problems.add(process.getId() + " has no history time to live");
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node.getName() == null || node.getName().isBlank()) {
                    problems.add(file.getFileName() + " " + node.getId() + " has no name");
                }
                if (!shapes.contains(node.getId())) {
                    problems.add(file.getFileName() + " " + node.getId() + " has no diagram shape");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormIsValidJsonNamedAfterItsIdAndEveryInputHasAKeyAndALabel() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("forms", ".form")) {
            JsonNode form = json.readTree(file.toFile());
            if (!file.getFileName().toString().equals(form.path("id").asText() + ".form")) {
                problems.add(file.getFileName() + " has id " + form.path("id").asText());
            }
            for (JsonNode c : form.path("components")) {
                String type = c.path("type").asText();
                if (type.equals("text")) {
                    continue;
                }
                if (c.path("key").asText().isBlank()) {
                    problems.add(file.getFileName() + " " + c.path("id").asText() + " has no key");
                }
                if (c.path("label").asText().isBlank() && c.path("dateLabel").asText().isBlank()) {
                    problems.add(file.getFileName() + " " + c.path("key").asText() + " has no label");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A FEEL expression ({@code =...}) or template ({@code {{...}}}) in a form that does not parse, or
     * calls a function FEEL does not have, shows a blank where the practitioner expects a date or a
     * name, and form-js says nothing (no console error: the browser test cannot see it). Checked
     * with the engine's own FEEL (feel-scala), the dialect form-js's FEEL follows.
     */
    @Test
    void everyFeelExpressionAndTemplateInTheFormsParsesAndCallsKnownFunctions() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : files("forms", ".form")) {
            List<String> expressions = new ArrayList<>();
            feelIn(json.readTree(file.toFile()), expressions);
            checked += expressions.size();
            expressions.forEach(e -> feelProblem(e).ifPresent(p -> problems.add(file.getFileName() + ": " + p)));
        }
        assertThat(checked).as("expressions found in the forms").isGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    @Test
    void theFormExpressionCheckCatchesWhatAProcessOwnerMightMistype() {
        assertThat(feelProblem("replace(accommodationPathway, \"-\", \" \"")).as("a bracket missing").isPresent();
        assertThat(feelProblem("replcae(accommodationPathway, \"-\", \" \")")).as("a misspelt function").isPresent();
        assertThat(feelProblem("if homeYotName = null then homeYot else homeYotName")).isEmpty();
        List<String> found = new ArrayList<>();
        templatesIn("Due {{#if eteDue}}by {{eteDue}}{{/if}} {{#loop items}}{{this}}{{/loop}}", found);
        assertThat(found).containsExactly("eteDue", "eteDue", "items", "this");
    }

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    private static void feelIn(JsonNode node, List<String> expressions) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("=")) {
                expressions.add(text.substring(1));
            } else {
                templatesIn(text, expressions);
            }
        }
        node.forEach(child -> feelIn(child, expressions));
    }

    private static void templatesIn(String text, List<String> expressions) {
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
            String inner = m.group(1).trim();
            if (inner.startsWith("/") || inner.equals("else")) {
                continue;
            }
            expressions.add(inner.replaceFirst("^#(if|loop)\\s+", ""));
        }
    }

    private static Optional<String> feelProblem(String expression) {
        ParseResult parsed = FEEL.parseExpression(expression);
        if (parsed.isFailure()) {
            return Optional.of("'" + expression + "' does not parse: " + parsed.failure().message());
        }
        EvaluationResult result = FEEL.evaluate(parsed.parsedExpression(), Map.<String, Object>of());
        // form-js, like feel-scala, answers null for an unknown function and says nothing: a suppressed failure here
        String failures = (result.isFailure() ? result.failure().message() : "") + result.suppressedFailures();
        if (failures.toLowerCase(java.util.Locale.ROOT).contains("no function found")) {
            return Optional.of("'" + expression + "': " + failures);
        }
        return Optional.empty();
    }

    /**
     * Tasklist 7.24's date picker (form-js 1.8.7) reads a typed 05/03/2010 as 3 May and 15/03/2010
     * as March 2011, with no warning: every date is a day-first text field the server turns into an
     * ISO date (custom property dateFormat), with a pattern that refuses anything else in the browser.
     */
    @Test
    void noFormUsesTheMonthFirstDatePickerAndEveryDateIsTypedDayFirst() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("forms", ".form")) {
            for (JsonNode c : json.readTree(file.toFile()).findParents("type")) {
                String where = file.getFileName() + " " + c.path("key").asText(c.path("id").asText());
                if (c.path("type").asText().equals("datetime")) {
                    problems.add(where + " uses Tasklist's date picker, which reads typed dates month first");
                }
                if (c.path("properties").path("dateFormat").asText().equals("dd/mm/yyyy")
                        && (!c.path("label").asText().contains("dd/mm/yyyy") || c.path("validate").path("pattern").isMissingNode())) {
                    problems.add(where + " is a typed date without 'dd/mm/yyyy' in its label or without a pattern");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** People read "Feltham YOI", not "feltham": a form's text shows the name variables, never the ids. */
    @Test
    void formsShowTeamsPlacesAndPurposesByNameNotById() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("forms", ".form")) {
            String form = Files.readString(file);
            for (String id : List.of("homeYot", "establishment", "consortium", "purpose")) {
                if (form.matches("(?s).*\\{\\{\\s*" + id + "\\s*}}.*")) {
                    problems.add(file.getFileName() + " shows {{" + id + "}}: show {{" + id + "Name}}");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noFormAsksForOrShowsAName() throws IOException {
        for (Path file : files("forms", ".form")) {
            String text = Files.readString(file).toLowerCase();
            assertThat(text).as(file.getFileName().toString())
                    .doesNotContain("\"key\": \"name\"", "firstname", "lastname", "surname", "childname", "{{name}}");
        }
    }

    Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path file : files("forms", ".form")) {
            ids.add(json.readTree(file.toFile()).path("id").asText());
        }
        return ids;
    }

    static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            List<Path> found = s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as("files in " + dir).isNotEmpty();
            return found;
        }
    }

    /**
     * The custody entry form offers exactly the YOTs and establishments the decision tables know,
     * labelled as the tables name them: a row added to a table without its choice in the form (or
     * the other way round) fails here, not in front of a custody officer.
     */
    @Test
    void theCustodyEntryChoicesAreTheRowsOfTheDecisionTables() throws IOException {
        Map<String, String> yots = rows("consortium-standards.dmn", "home-yot-consortium", "yotName", "consortiumName");
        Map<String, String> establishments = rows("secure-establishments.dmn", "secure-establishment", "establishmentName", null);
        assertThat(yots).hasSizeGreaterThan(20);
        assertThat(establishments).hasSizeGreaterThan(5);

        assertThat(choices("custody-entry", "homeYot")).as("home YOT choices of custody-entry.form").isEqualTo(yots);
        assertThat(choices("custody-entry", "establishment")).as("establishment choices of custody-entry.form")
                .isEqualTo(establishments);
    }

    /** The ROTL request form offers exactly the purposes of the purposes table, which also says who confirms each. */
    @Test
    void theRotlPurposeChoicesAreTheRowsOfThePurposesTable() throws IOException {
        Map<String, String> purposes = rows("rotl-purposes.dmn", "rotl-purpose", "purposeName", null);
        assertThat(purposes).containsKeys("ete-taster", "view-accommodation", "family");

        assertThat(choices("rotl-request", "purpose")).as("purpose choices of rotl-request.form").isEqualTo(purposes);
    }

    /** Input value to label, from each rule of a decision: the named output, with a second one in brackets. */
    private static Map<String, String> rows(String file, String decisionId, String labelOutput, String bracketOutput) {
        var model = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(Path.of("bpmn", file).toFile());
        org.camunda.bpm.model.dmn.instance.Decision decision = model.getModelElementById(decisionId);
        var table = (org.camunda.bpm.model.dmn.instance.DecisionTable) decision.getExpression();
        List<String> outputs = table.getOutputs().stream().map(o -> o.getName()).toList();
        Map<String, String> rows = new java.util.TreeMap<>();
        for (var rule : table.getRules()) {
            String input = rule.getInputEntries().iterator().next().getTextContent().trim();
            if (input.isEmpty() || input.equals("-")) {
                continue; // the defaults row
            }
            List<String> values = rule.getOutputEntries().stream().map(e -> e.getTextContent().trim().replace("\"", "")).toList();
            String label = values.get(outputs.indexOf(labelOutput));
            if (bracketOutput != null) {
                label += " (" + values.get(outputs.indexOf(bracketOutput)) + ")";
            }
            rows.put(input.replace("\"", ""), label);
        }
        return rows;
    }

    private Map<String, String> choices(String form, String key) throws IOException {
        Map<String, String> choices = new java.util.TreeMap<>();
        for (var component : json.readTree(Path.of("forms", form + ".form").toFile()).get("components")) {
            if (key.equals(component.path("key").asText())) {
                component.get("values").forEach(v -> choices.put(v.get("value").asText(), v.get("label").asText()));
            }
        }
        return choices;
    }
}
