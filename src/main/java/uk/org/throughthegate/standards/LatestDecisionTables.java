package uk.org.throughthegate.standards;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Looks a value up in the newest deployed version of a reference table (standards, YOTs,
 * establishments). These are lookups, not decisions about a child: they are evaluated by a DMN
 * engine of their own, so they leave no decision history. The evaluation through the engine's
 * DecisionService wrote a decision instance with every output (22 for the standards row) each
 * time a deadline was computed: 400 KB of history per closed journey. A table is parsed once per
 * deployed version; each lookup asks which version is newest, so a table the process owner
 * deploys applies to the next lookup.
 */
final class LatestDecisionTables {

    private final RepositoryService repository;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    LatestDecisionTables(RepositoryService repository) {
        this.repository = repository;
    }

    DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("no decision table '" + decisionKey + "' is deployed");
        }
        DmnDecision decision = parsed.computeIfAbsent(latest.getId(),
                id -> dmn.parseDecision(decisionKey, repository.getDecisionModel(id)));
        return dmn.evaluateDecision(decision, variables);
    }
}
