package uk.org.throughthegate.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, the rows a workflow step inserts into one engine table (a form's answers, their
 * history, a task's grants) go to the database as one statement: the driver's
 * {@code reWriteBatchedInserts}, which the engine supports (it needs no row counts of inserts, see its
 * BatchDbSqlSession). Without it each row of the engine's JDBC batch is a statement of its own.
 * Measured at 1,000 journeys: 59.9 to 49.9 statements per "Record consent" completion (README,
 * "Performance").
 * <p>
 * Set here, not in a profile, so that it holds wherever the service meets PostgreSQL: the
 * {@code postgres} profile, an address given in {@code TTG_DB_URL}, the tests and the benchmark. A
 * DBA who must switch it off writes {@code reWriteBatchedInserts=false} in the address, which the
 * driver reads before this.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBatchedInserts.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // Bound from spring.datasource.* by now, and not yet started: its pool opens on first use.
        if (bean instanceof HikariDataSource hikari && isPostgres(hikari.getJdbcUrl())
                && !hikari.getDataSourceProperties().containsKey(PROPERTY)) {
            hikari.addDataSourceProperty(PROPERTY, "true");
            LOG.debug("PostgreSQL: batched inserts rewritten as multi-row statements");
        }
        return bean;
    }

    static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
