package uk.org.throughthegate.rotl;

import static uk.org.throughthegate.rotl.RotlProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.org.throughthegate.calendar.TypedDate;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.journey.JourneyFacts;
import uk.org.throughthegate.standards.ReferenceData;

/**
 * Checks a ROTL request against the child's journey: the journey must be running with the child
 * still in custody, and the proposed date must come before release.
 */
public final class RotlRequestCheck {

    private RotlRequestCheck() {
    }

    /** @param journey the case's running journey, or null when there is none */
    public static LocalDate proposedDate(Map<String, Object> request, JourneyFacts journey, LocalDate today,
            ReferenceData tables) {
        List<FieldError> errors = new ArrayList<>();
        Object reference = request.get(CASE_REFERENCE);
        if (reference == null || reference.toString().isBlank()) {
            errors.add(new FieldError(CASE_REFERENCE, "is required"));
        } else if (journey == null) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has no running journey"));
        } else if (!journey.inCustody()) {
            errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' has been released: ROTL is only for a child in custody"));
        }
        Object purpose = request.get(PURPOSE);
        if (purpose == null || tables.rotlPurpose(purpose.toString()).isEmpty()) {
            errors.add(new FieldError(PURPOSE, purpose == null ? "is required"
                    : "'" + purpose + "' is not a purpose of the ROTL purposes table (rotl-purposes.dmn)"));
        }
        LocalDate proposed = null;
        Object date = request.get(PROPOSED_DATE);
        if (date == null || date.toString().isBlank()) {
            errors.add(new FieldError(PROPOSED_DATE, "is required"));
        } else {
            try {
                proposed = TypedDate.parse(date.toString());
                if (proposed.isBefore(today)) {
                    errors.add(new FieldError(PROPOSED_DATE, proposed + " has passed"));
                }
                if (journey != null && journey.releaseDate() != null) {
                    LocalDate release = journey.releaseDate();
                    if (!proposed.isBefore(release)) {
                        errors.add(new FieldError(PROPOSED_DATE, proposed + " is not before the release date " + release));
                    }
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(PROPOSED_DATE, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RotlRequestRefused(errors);
        }
        return proposed;
    }

    /** The first day the child is eligible: that share of the days from sentence to release served. */
    public static LocalDate eligibleFrom(LocalDate sentence, LocalDate release, double shareServed) {
        long days = release.toEpochDay() - sentence.toEpochDay();
        return sentence.plusDays((long) Math.ceil(days * Math.max(0, Math.min(1, shareServed))));
    }
}
