package uk.org.throughthegate.access;

import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;

/**
 * Puts our SQL in place of one of the engine's MyBatis statements, under the engine's id (full and
 * short, as the engine asks by short name), keeping everything else of the engine's statement.
 */
final class EngineStatements {

    private EngineStatements() {
    }

    static void replace(Configuration mybatis, String engineStatementId, SqlSource ours, String resource) {
        MappedStatement engines = mybatis.getMappedStatement(engineStatementId);
        MappedStatement replacement = new MappedStatement.Builder(mybatis, engines.getId(), ours, engines.getSqlCommandType())
                .resource(resource).resultMaps(engines.getResultMaps()).parameterMap(engines.getParameterMap())
                .statementType(engines.getStatementType()).fetchSize(engines.getFetchSize())
                .timeout(engines.getTimeout()).build();
        // removing by value drops both the full and the short name of the engine's statement
        mybatis.getMappedStatements().removeIf(statement -> statement == engines);
        mybatis.addMappedStatement(replacement);
    }
}
