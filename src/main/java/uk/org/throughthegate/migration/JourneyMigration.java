package uk.org.throughthegate.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of a process from its older versions to the newest, with Camunda's
 * migration API (Community Edition Cockpit has no migration screen). Activities with the same id
 * are mapped, also where the new version moved them into a new sub-process (the engine creates
 * the sub-process around them); timers are re-evaluated on the new version. A step the new version
 * no longer has is closed, in the same transaction as the move, and the outcome names it. Each
 * instance moves on its own, so one that cannot move is reported, left as it was, and the others
 * still move.
 */
@Service
public class JourneyMigration {

    /** Kinds of activity an instance can wait in, which the engine can migrate one to one. */
    static final Set<String> WAITING_KINDS = Set.of("userTask", "subProcess", "multiInstanceBody", "intermediateTimer",
            "intermediateMessageCatch", "intermediateSignalCatch", "receiveTask", "callActivity", "boundaryTimer",
            "boundaryMessage", "boundarySignal", "eventSubProcess", "parallelGateway", "inclusiveGateway");

    private final ProcessEngine engine;
    private final TransactionTemplate transaction;

    JourneyMigration(ProcessEngine engine, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.transaction = new TransactionTemplate(transactions);
    }

    public record Outcome(String instanceId, String caseReference, int fromVersion, int toVersion, boolean migrated,
            String detail) {
    }

    public List<Outcome> migrateToLatest(String processDefinitionKey) {
        var repository = engine.getRepositoryService();
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalArgumentException("no process '" + processDefinitionKey + "' is deployed");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                .orderByProcessDefinitionVersion().asc().list()) {
            if (older.getVersion() >= latest.getVersion()) {
                continue;
            }
            var instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(older.getId()).list();
            if (instances.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = plan(older.getId(), latest.getId());
            } catch (ProcessEngineException e) {
                instances.forEach(i -> outcomes.add(new Outcome(i.getId(), i.getBusinessKey(), older.getVersion(),
                        latest.getVersion(), false, "no migration plan: " + e.getMessage())));
                continue;
            }
            Set<String> mapped = new HashSet<>();
            plan.getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
            for (var instance : instances) {
                try {
                    List<String> closed = transaction.execute(status -> {
                        List<String> gone = closeStepsWithoutATarget(instance.getId(), mapped);
                        engine.getRuntimeService().newMigration(plan).processInstanceIds(instance.getId()).execute();
                        return gone;
                    });
                    outcomes.add(new Outcome(instance.getId(), instance.getBusinessKey(), older.getVersion(),
                            latest.getVersion(), true, closed.isEmpty() ? "migrated"
                                    : "migrated; closed steps the new version no longer has: " + String.join(", ", closed)));
                } catch (ProcessEngineException e) {
                    outcomes.add(new Outcome(instance.getId(), instance.getBusinessKey(), older.getVersion(),
                            latest.getVersion(), false, e.getMessage()));
                }
            }
        }
        return outcomes;
    }

    /** The engine's own mapping of equal activities, plus the same ids the new version moved into another scope. */
    MigrationPlan plan(String sourceId, String targetId) {
        var runtime = engine.getRuntimeService();
        MigrationPlan equal = runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().updateEventTriggers().build();
        Set<String> mapped = new HashSet<>();
        equal.getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
        Map<String, String> source = waitingActivities(sourceId);
        Map<String, String> target = waitingActivities(targetId);
        List<String> moved = source.entrySet().stream()
                .filter(a -> !mapped.contains(a.getKey()) && a.getValue().equals(target.get(a.getKey())))
                .map(Map.Entry::getKey).toList();
        if (moved.isEmpty()) {
            return equal;
        }
        MigrationPlanBuilder builder = runtime.createMigrationPlan(sourceId, targetId);
        for (MigrationInstruction instruction : equal.getInstructions()) {
            var next = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
            builder = instruction.isUpdateEventTrigger() ? next.updateEventTrigger() : next;
        }
        for (String id : moved) {
            var next = builder.mapActivities(id, id);
            builder = source.get(id).startsWith("boundary") ? next.updateEventTrigger() : next;
        }
        return builder.build();
    }

    /** Activity id to kind, for every activity of the definition an instance can wait in. */
    private Map<String, String> waitingActivities(String definitionId) {
        var definition = (ScopeImpl) ((RepositoryServiceImpl) engine.getRepositoryService()).getDeployedProcessDefinition(definitionId);
        Map<String, String> found = new LinkedHashMap<>();
        collect(definition, found);
        return found;
    }

    private static void collect(ScopeImpl scope, Map<String, String> found) {
        for (ActivityImpl activity : scope.getActivities()) {
            String kind = activity.getProperties().get(BpmnProperties.TYPE);
            if (kind != null && WAITING_KINDS.contains(kind)) {
                found.put(activity.getId(), kind);
            }
            collect(activity, found);
        }
    }

    /** Cancels what the instance is doing in steps the plan has no target for; returns their names. */
    private List<String> closeStepsWithoutATarget(String instanceId, Set<String> mapped) {
        var runtime = engine.getRuntimeService();
        List<ActivityInstance> orphans = new ArrayList<>();
        collectOrphans(runtime.getActivityInstance(instanceId), mapped, orphans);
        if (orphans.isEmpty()) {
            return List.of();
        }
        var modification = runtime.createProcessInstanceModification(instanceId);
        orphans.forEach(a -> modification.cancelActivityInstance(a.getId()));
        modification.execute(true, true);
        return orphans.stream().map(a -> a.getActivityName() == null ? a.getActivityId() : a.getActivityName()).toList();
    }

    private static void collectOrphans(ActivityInstance instance, Set<String> mapped, List<ActivityInstance> orphans) {
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (!mapped.contains(child.getActivityId())) {
                orphans.add(child);
            } else {
                collectOrphans(child, mapped, orphans);
            }
        }
    }
}
