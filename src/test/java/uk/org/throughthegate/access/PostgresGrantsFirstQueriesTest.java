package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.throughthegate.contexts.TestPostgres;

/** The same grants and tasks on PostgreSQL, where the statement is built for speed. */
@Tag("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${TTG_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/through_the_gate_test}",
        "spring.datasource.username=${TTG_TEST_DB_USER:postgres}",
        "spring.datasource.password=${TTG_TEST_DB_PASSWORD:}"})
class PostgresGrantsFirstQueriesTest extends GrantsFirstQueriesTest {

    @Autowired
    JdbcTemplate sql;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void postgresqlIsReachableOrThisIsCi() {
        TestPostgres.reachableOrThisIsCi();
    }

    /**
     * A team's list asked again and again on one connection (as a pooled connection is) is planned
     * once, not on every call (PlannedOncePerConnection), and leaves the connection as it found it.
     */
    @Test
    void aTeamsListIsPlannedOnceAndTheConnectionIsLeftAsItWas() {
        String group = "planned-team-" + run;
        teamA.forEach(task -> grant(null, group, Resources.TASK, task, Permissions.READ));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            asUser("planned-member-" + run, group);
            for (int i = 0; i < 8; i++) {
                assertThat(tasks.createTaskQuery().taskCandidateGroup("team-a-" + run).orderByDueDate().asc().listPage(0, 15))
                        .hasSize(3);
            }
            engine.getIdentityService().clearAuthentication();
            List<Map<String, Object>> plans = sql.queryForList("select statement, generic_plans, custom_plans from pg_prepared_statements"
                    + " where statement like '%from ACT_RU_TASK RES%' and statement like '%ACT_RU_AUTHORIZATION A%'"
                    + " and statement like '%order by RES.DUE_DATE_ asc%'");
            assertThat(plans).as("the team's list, prepared on the server after the driver's fifth call").isNotEmpty();
            assertThat(plans).allSatisfy(plan -> {
                assertThat(((Number) plan.get("custom_plans")).longValue()).as("custom plans").isZero();
                assertThat(((Number) plan.get("generic_plans")).longValue()).as("generic plans").isPositive();
                assertThat(plan.get("statement").toString()).as("planned for its page of 15").contains("LIMIT 15 OFFSET 0");
            });
            assertThat(sql.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
        });
    }
    /**
     * The count beside a team's list is asked of the team's links and the user's grants alone
     * (TeamTaskCounts), not of the tasks: the statement the server prepared for it reads no task
     * row but the index look-ups that guard it.
     */
    @Test
    void aTeamsCountIsAskedOfItsLinksAndGrants() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            asUser("links-member-" + run, "team-a-" + run);
            for (int i = 0; i < 6; i++) {
                assertThat(tasks.createTaskQuery().taskCandidateGroup("team-a-" + run).includeAssignedTasks().count()).isEqualTo(3);
            }
            engine.getIdentityService().clearAuthentication();
            List<String> counts = sql.queryForList("select statement from pg_prepared_statements"
                    + " where statement like '%from ACT_RU_IDENTITYLINK L%intersect%'", String.class);
            assertThat(counts).as("the team's count, prepared on the server after the driver's fifth call").hasSize(1);
            assertThat(counts.get(0)).doesNotContain("from ACT_RU_TASK RES");
        });
    }

    /**
     * Every task a person may read is counted from the person's grants (GrantedTaskCounts): the
     * statement the server prepared for it reads no task row but the index look-ups that guard it.
     */
    @Test
    void everyTaskAPersonMayReadIsCountedFromTheirGrants() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            asUser("grants-member-" + run, "team-a-" + run);
            for (int i = 0; i < 6; i++) {
                assertThat(tasks.createTaskQuery().count()).isEqualTo(3);
            }
            engine.getIdentityService().clearAuthentication();
            List<String> counts = sql.queryForList("select statement from pg_prepared_statements"
                    + " where statement like '%count(distinct G.RESOURCE_ID_)%'", String.class);
            assertThat(counts).as("the count, prepared on the server after the driver's fifth call").hasSize(1);
            assertThat(counts.get(0)).doesNotContain("from ACT_RU_TASK RES")
                    .as("the grants sought by their resource types, which the grants index holds")
                    .containsPattern("A\\.RESOURCE_TYPE_ in\\s*\\(\\s*\\$");
        });
    }

    /**
     * A team member's count leaves out the parts that only a grant on a definition or on '*' would
     * fill (TaskGrantsBeyondRows), which made PostgreSQL read every task to count a team's; someone
     * who reads tasks through a definition keeps them, and both counts are right.
     */
    @Test
    void aTeamsCountReadsOnlyWhatItsGrantsNameAndADefinitionsReaderKeepsTheDefinitionsPart() {
        String readers = "count-def-readers-" + run;
        grant(null, readers, Resources.PROCESS_DEFINITION, PROBE, Permissions.READ_TASK);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            asUser("count-member-" + run, "team-a-" + run);
            for (int i = 0; i < 6; i++) {
                assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).isEqualTo(3);
            }
            asUser("count-reader-" + run, readers);
            for (int i = 0; i < 6; i++) {
                assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).isEqualTo(6);
            }
            engine.getIdentityService().clearAuthentication();
            List<String> counts = sql.queryForList("select statement from pg_prepared_statements"
                    + " where statement like '%COUNT%from ACT_RU_TASK RES%' and statement like '%ACT_RU_AUTHORIZATION A%'", String.class);
            assertThat(counts).as("the team member's count").anySatisfy(count ->
                    assertThat(count).doesNotContain("T.PROC_DEF_ID_ = PD.ID_").doesNotContain("G.RESOURCE_ID_ = '*'"));
            assertThat(counts).as("the definition reader's count").anySatisfy(count ->
                    assertThat(count).contains("T.PROC_DEF_ID_ = PD.ID_").contains("G.RESOURCE_ID_ = '*'"));
        });
    }
}
