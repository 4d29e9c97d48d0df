package uk.org.throughthegate.access;

import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.database.EngineTableName;

/**
 * On every request of a user who is not an administrator, the engine asks which groups hold any
 * grant at all ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, camunda-bpm-platform
 * issue 5485): a scan of every grant, as every case adds grants, growing with the caseload. On
 * PostgreSQL the same answer comes from a walk along the group index, one step per group: a few
 * hundred index look-ups whatever the number of cases. The engine's statement is replaced by name
 * in its MyBatis configuration; its result (the distinct non-null group ids) is unchanged.
 */
@Component
class AuthorizedGroupsLookup extends AbstractProcessEnginePlugin {

    static final String STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

    static String looseIndexScan(String table) {
        return "with recursive groups_with_grants(id) as ("
                + " (select GROUP_ID_ from " + table + " where GROUP_ID_ is not null order by GROUP_ID_ limit 1)"
                + " union all"
                + " select (select GROUP_ID_ from " + table + " where GROUP_ID_ > g.id order by GROUP_ID_ limit 1)"
                + " from groups_with_grants g where g.id is not null)"
                + " select id from groups_with_grants where id is not null";
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        String table = EngineTableName.of(configuration, "ACT_RU_AUTHORIZATION");
        EngineStatements.replace(mybatis, STATEMENT, new StaticSqlSource(mybatis, looseIndexScan(table)),
                AuthorizedGroupsLookup.class.getName());
    }
}
