package uk.org.throughthegate.journey.entry;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.org.throughthegate.refusal.InputRefused.FieldError;

/**
 * Custody entry by REST for case-management systems: 201 with the journey, or 400 naming every
 * wrong field. The engine's own start listener does the checking, so Tasklist, the engine REST
 * API and this endpoint refuse the same entries.
 */
@RestController
@RequestMapping("/api/journeys")
class CustodyEntryController {

    static final Set<String> CONTRACT = Set.of(CASE_REFERENCE, DATE_OF_BIRTH, SENTENCE_TYPE, SENTENCE_LENGTH_MONTHS,
            SENTENCE_DATE, RELEASE_DATE, LICENCE_END_DATE, HOME_YOT, ESTABLISHMENT,
            uk.org.throughthegate.journey.LookedAfterTeams.LOOKED_AFTER);

    private final RuntimeService runtime;

    CustodyEntryController(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> enterCustody(@RequestBody Map<String, Object> entry) {
        List<FieldError> unknown = entry.keySet().stream().filter(k -> !CONTRACT.contains(k)).sorted()
                .map(k -> new FieldError(k, "is not part of a custody entry (record the case reference, never a name)"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new CustodyEntryRefused(unknown).forCase(entry.get("caseReference"));
        }
        var journey = runtime.startProcessInstanceByKey(KEY, entry);
        String reference = journey.getBusinessKey();
        return ResponseEntity.created(URI.create("/api/journeys/" + reference))
                .body(Map.of(CASE_REFERENCE, reference, "journeyId", journey.getId()));
    }
}
