package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.junit.jupiter.api.Test;

/**
 * Which way a task query asks its grants, and how its page is limited: decided from the query
 * alone, before any SQL is written (GrantsFirstQueries).
 */
class GrantsFirstQueriesChoiceTest {

    @Test
    void aPageOfATeamsOrAPersonsTasksProbesItsGrantsTaskByTask() {
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl().taskCandidateGroup("yot-lewisham")))).isTrue();
        assertThat(GrantsFirstQueries.probesGrants(page((TaskQueryImpl) new TaskQueryImpl()
                .taskCandidateGroupIn(List.of("yot-lewisham", "yot-hackney"))))).isTrue();
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl().taskCandidateUser("yot.lewisham")))).isTrue();
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl().taskAssignee("yot.lewisham")))).isTrue();
    }

    @Test
    void countsWholeListsUnnamedListsAndOrQueriesCollectTheGrantsTheyName() {
        assertThat(GrantsFirstQueries.probesGrants(new TaskQueryImpl().taskCandidateGroup("yot-lewisham")))
                .as("a count, or a list without a page").isFalse();
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl()))).as("every task the user may read").isFalse();
        assertThat(GrantsFirstQueries.probesGrants(page((TaskQueryImpl) new TaskQueryImpl().processDefinitionKey("resettlement-journey"))))
                .isFalse();
        TaskQueryImpl or = (TaskQueryImpl) new TaskQueryImpl().or().taskCandidateGroup("yot-lewisham")
                .taskCandidateUser("yot.lewisham").endOr();
        assertThat(GrantsFirstQueries.probesGrants(page(or))).as("Tasklist's 'or' filter").isFalse();
        assertThat(GrantsFirstQueries.probesGrants(new ListQueryParameterObject())).isFalse();
    }

    @Test
    void thePagesSizeIsWrittenIntoTheStatementOnlyWhereTheEnginesLimitIsPostgresqlsAndH2s() {
        assertThat(GrantsFirstQueries.pageLimit("LIMIT #{maxResults} OFFSET #{firstResult}"))
                .isEqualTo("LIMIT ${maxResults} OFFSET ${firstResult}");
        assertThat(GrantsFirstQueries.pageLimit(")RES ) SUB WHERE SUB.rnk >= #{firstRow} AND SUB.rnk < #{lastRow}"))
                .as("another database's limit stays the engine's").isEqualTo(")RES ) SUB WHERE SUB.rnk >= #{firstRow} AND SUB.rnk < #{lastRow}");
    }

    private static TaskQueryImpl page(TaskQueryImpl query) {
        query.setFirstResult(0);
        query.setMaxResults(15);
        return query;
    }
}
