package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.journey.JourneyScenario;
import uk.org.throughthegate.contexts.TestPostgres;

/** The engine's "which groups hold grants" answers the same with the index walk that replaces its scan. */
@Tag("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
@ActiveProfiles("test")
class AuthorizedGroupsLookupTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate sql;

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }

    @Test
    void theGroupsWithGrantsAreEveryDistinctGroupOfTheGrantsTable() {
        JourneyScenario.start(engine, JourneyScenario.lewishamCase("PG-GROUPS-" + Long.toString(System.currentTimeMillis(), 36)));

        List<String> engineAnswer = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager()
                        .selectList("selectAuthorizedGroupIds"));

        List<String> distinct = sql.queryForList(
                "select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null", String.class);
        assertThat(distinct).contains("yot-lewisham", "custody-feltham", "pm-south-london");
        assertThat(new HashSet<>(engineAnswer)).isEqualTo(new HashSet<>(distinct));
        assertThat(engineAnswer).doesNotHaveDuplicates();
    }
}
