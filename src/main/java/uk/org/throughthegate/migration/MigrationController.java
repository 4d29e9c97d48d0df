package uk.org.throughthegate.migration;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.org.throughthegate.access.AccessRules;
import uk.org.throughthegate.access.TeamMembership;

/**
 * {@code POST /api/migrations/{processKey}}: for process owners, after deploying a new version,
 * moves running instances to it and reports, per instance, what moved and what could not.
 */
@RestController
@RequestMapping("/api/migrations")
class MigrationController {

    private final JourneyMigration migration;
    private final IdentityService identity;
    private final List<String> processOwners;

    MigrationController(JourneyMigration migration, IdentityService identity, AccessRules.AccessProperties access) {
        this.migration = migration;
        this.identity = identity;
        this.processOwners = access.processOwnerGroups();
    }

    @PostMapping("/{processKey}")
    List<JourneyMigration.Outcome> migrate(@PathVariable String processKey) {
        var who = identity.getCurrentAuthentication();
        if (who == null || !TeamMembership.inAny(identity, who.getUserId(), processOwners.toArray(String[]::new))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only process owners migrate running instances");
        }
        try {
            return migration.migrateToLatest(processKey);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
