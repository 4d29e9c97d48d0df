package uk.org.throughthegate.migration;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Moves running instances of a process from its older versions to the newest, with Camunda's
 * migration API (Community Edition Cockpit has no migration screen). Activities with the same id
 * are mapped; timers are re-evaluated on the new version. Each instance moves on its own, so one
 * that cannot move is reported and the others still move.
 */
@Service
public class JourneyMigration {

    private final ProcessEngine engine;

    JourneyMigration(ProcessEngine engine) {
        this.engine = engine;
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
                plan = engine.getRuntimeService().createMigrationPlan(older.getId(), latest.getId())
                        .mapEqualActivities().updateEventTriggers().build();
            } catch (ProcessEngineException e) {
                instances.forEach(i -> outcomes.add(new Outcome(i.getId(), i.getBusinessKey(), older.getVersion(),
                        latest.getVersion(), false, "no migration plan: " + e.getMessage())));
                continue;
            }
            for (var instance : instances) {
                try {
                    engine.getRuntimeService().newMigration(plan).processInstanceIds(instance.getId()).execute();
                    outcomes.add(new Outcome(instance.getId(), instance.getBusinessKey(), older.getVersion(),
                            latest.getVersion(), true, "migrated"));
                } catch (ProcessEngineException e) {
                    outcomes.add(new Outcome(instance.getId(), instance.getBusinessKey(), older.getVersion(),
                            latest.getVersion(), false, e.getMessage()));
                }
            }
        }
        return outcomes;
    }
}
