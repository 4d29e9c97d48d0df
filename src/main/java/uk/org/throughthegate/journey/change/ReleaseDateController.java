package uk.org.throughthegate.journey.change;

import static uk.org.throughthegate.journey.JourneyProcess.CASE_REFERENCE;
import static uk.org.throughthegate.journey.JourneyProcess.RELEASE_DATE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A release-date change by REST, run as the "Change the release date" process so that it is
 * checked, authorised and recorded exactly as one started in Tasklist.
 */
@RestController
@RequestMapping("/api/journeys")
class ReleaseDateController {

    private final RuntimeService runtime;

    ReleaseDateController(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Moves the release date of a child in custody and every deadline that follows from it;
     * answers with what moved and which new deadlines have already passed.
     */
    @PutMapping("/{caseReference}/release-date")
    ReleaseDateChanged changeReleaseDate(@PathVariable String caseReference, @RequestBody Map<String, Object> change) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CASE_REFERENCE, caseReference);
        vars.put(ReleaseDateChangeProcess.NEW_RELEASE_DATE, change.get(RELEASE_DATE));
        vars.put(ReleaseDateChangeProcess.REASON, change.get("reason"));
        var result = runtime.createProcessInstanceByKey(ReleaseDateChangeProcess.KEY).setVariables(vars)
                .executeWithVariablesInReturn().getVariables();
        @SuppressWarnings("unchecked")
        List<ReleaseDateChange.Moved> moved = (List<ReleaseDateChange.Moved>) result.get(ReleaseDateChangeProcess.DEADLINE_MOVES);
        return new ReleaseDateChanged(caseReference, change.get(RELEASE_DATE), moved,
                moved.stream().filter(ReleaseDateChange.Moved::passed).toList());
    }

    /** The answer to a release-date change: what moved, and which of the new dates have already passed. */
    record ReleaseDateChanged(String caseReference, Object releaseDate, List<ReleaseDateChange.Moved> moved,
            List<ReleaseDateChange.Moved> alreadyPassed) {
    }
}
