package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A task granted under the engine's old default (UPDATE) is worked, not edited, after an upgrade. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskGrantsToWorkTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskGrantsToWork upgrade;

    @Test
    void anOldUpdateGrantOnATaskBecomesTaskWorkAtStartUp() throws Exception {
        var authorizations = engine.getAuthorizationService();
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId("yot-lewisham");
        old.setResource(Resources.TASK);
        old.setResourceId("task-from-before-the-upgrade");
        old.addPermission(Permissions.READ);
        old.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(old);

        upgrade.run(null);

        Authorization now = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId("task-from-before-the-upgrade").singleResult();
        assertThat(now.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(now.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(now.isPermissionGranted(Permissions.UPDATE)).as("cannot move the deadline").isFalse();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()).as("no task is editable by a team; administrators keep theirs")
                .allSatisfy(a -> {
                    assertThat(a.getResourceId()).isEqualTo("*");
                    assertThat(a.getGroupId()).isEqualTo("camunda-admin");
                });
    }
}
