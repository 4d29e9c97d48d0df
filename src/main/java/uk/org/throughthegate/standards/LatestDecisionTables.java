package uk.org.throughthegate.standards;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionModelCmd;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Looks a value up in the newest deployed version of a reference table (standards, YOTs,
 * establishments). These are lookups, not decisions about a child: they are evaluated by a DMN
 * engine of their own, so they leave no decision history. The evaluation through the engine's
 * DecisionService wrote a decision instance with every output (22 for the standards row) each
 * time a deadline was computed: 400 KB of history per closed journey. A table is parsed once per
 * deployed version. Which version is newest is remembered until a deployment is made or deleted on
 * this node (the process owner's new table applies to the next lookup) and at most {@code
 * ttg.standards.newest-version-recheck} (10 s), for a table deployed through another node: each
 * lookup asked the database, one statement in every step that computes a deadline (27 a due
 * timer's step in all, 2026-12-07). The same question to the same version is answered from memory
 * ({@link RememberedLookups}).
 * <p>
 * The tables are the service's reference data, not a case: which version is newest is asked with
 * the engine's authorization checks off, so a lookup made for a manager's page (who may not read
 * decision definitions) finds the same table as one made inside a journey.
 */
final class LatestDecisionTables {

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    private final RememberedLookups<DmnDecisionResult> answers = new RememberedLookups<>(4096);

    private final Map<String, Newest> newest = new ConcurrentHashMap<>();

    private final CommandExecutor commands;
    private final DeploymentChanges deployments;
    private final long recheckMillis;

    /** A table's newest version as the database named it, after that many deployments, at that time. */
    private record Newest(DecisionDefinition definition, long deployments, long askedAt) {
    }

    LatestDecisionTables(CommandExecutor commands, DeploymentChanges deployments, Duration recheck) {
        this.commands = commands;
        this.deployments = deployments;
        this.recheckMillis = recheck.toMillis();
    }

    DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
        DecisionDefinition latest = newestVersion(decisionKey);
        if (latest == null) {
            throw new IllegalStateException("no decision table '" + decisionKey + "' is deployed");
        }
        DmnDecision decision = parsed.computeIfAbsent(latest.getId(), id -> commands.execute(context -> {
            boolean checked = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return dmn.parseDecision(decisionKey, new GetDeploymentDecisionModelCmd(id).execute(context));
            } finally {
                restore(context, checked);
            }
        }));
        return answers.answer(latest.getId(), variables, () -> dmn.evaluateDecision(decision, variables));
    }

    private DecisionDefinition newestVersion(String decisionKey) {
        // read before asking: a deployment committed meanwhile makes the answer old at once
        long deployed = deployments.count();
        // the engine's clock, which tests move; one moved back asks again
        long now = ClockUtil.getCurrentTime().getTime();
        Newest known = newest.get(decisionKey);
        if (known != null && known.deployments() == deployed && now >= known.askedAt()
                && now - known.askedAt() < recheckMillis) {
            return known.definition();
        }
        DecisionDefinition asked = askDatabase(decisionKey);
        if (asked != null) {
            newest.put(decisionKey, new Newest(asked, deployed, now));
        }
        return asked;
    }

    private DecisionDefinition askDatabase(String decisionKey) {
        return commands.execute(context -> {
            boolean checked = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                DecisionDefinitionQueryImpl query = new DecisionDefinitionQueryImpl();
                query.decisionDefinitionKey(decisionKey).latestVersion();
                List<DecisionDefinition> newest = query.executeList(context, null);
                return newest.isEmpty() ? null : newest.get(0);
            } finally {
                restore(context, checked);
            }
        });
    }

    /**
     * Inside a journey the lookup runs in the step's own command, whose checks the engine had
     * already turned off for delegate code: turning them back on would make the rest of that step
     * (a user's custody entry, a release-date change) be refused.
     */
    private static void restore(org.camunda.bpm.engine.impl.interceptor.CommandContext context, boolean checked) {
        if (checked) {
            context.enableAuthorizationCheck();
        } else {
            context.disableAuthorizationCheck();
        }
    }
}
