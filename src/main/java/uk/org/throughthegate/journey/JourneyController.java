package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.InputRefused;
import uk.org.throughthegate.taskform.StartInputRefused;

/**
 * Custody entry by REST for case-management systems: 201 with the journey, or 400 naming every
 * wrong field. The engine's own start listener does the checking, so Tasklist, the engine REST
 * API and this endpoint refuse the same entries.
 */
@RestController
@RequestMapping("/api/journeys")
class JourneyController {

    static final Set<String> CONTRACT = Set.of(CASE_REFERENCE, DATE_OF_BIRTH, SENTENCE_TYPE, SENTENCE_LENGTH_MONTHS,
            SENTENCE_DATE, RELEASE_DATE, LICENCE_END_DATE, HOME_YOT, ESTABLISHMENT);

    private final RuntimeService runtime;

    JourneyController(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> enterCustody(@RequestBody Map<String, Object> entry) {
        List<FieldError> unknown = new ArrayList<>();
        entry.keySet().stream().filter(k -> !CONTRACT.contains(k)).sorted().forEach(k -> unknown.add(
                new FieldError(k, "is not part of a custody entry (record the case reference, never a name)")));
        if (!unknown.isEmpty()) {
            throw new CustodyEntryRefused(unknown);
        }
        var journey = runtime.startProcessInstanceByKey(KEY, entry);
        String reference = journey.getBusinessKey();
        return ResponseEntity.created(URI.create("/api/journeys/" + reference))
                .body(Map.of(CASE_REFERENCE, reference, "journeyId", journey.getId()));
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

    @ExceptionHandler(StartInputRefused.class)
    ResponseEntity<Map<String, Object>> refused(StartInputRefused e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(InputRefused.class)
    ResponseEntity<Map<String, Object>> refused(InputRefused e) {
        return ResponseEntity.badRequest().body(Map.of(
                "message", e.getMessage(),
                "errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList()));
    }
}
