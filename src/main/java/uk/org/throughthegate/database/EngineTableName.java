package uk.org.throughthegate.database;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The name of an engine table as the engine's own SQL names it: with the configured table prefix
 * ({@code databaseTablePrefix}, e.g. a schema), for SQL of ours that reads the engine's tables.
 */
public final class EngineTableName {

    private EngineTableName() {
    }

    public static String of(ProcessEngineConfiguration configuration, String table) {
        String prefix = configuration instanceof ProcessEngineConfigurationImpl impl ? impl.getDatabaseTablePrefix() : null;
        return (prefix == null ? "" : prefix) + table;
    }
}
