package uk.org.throughthegate.rotl;

import static uk.org.throughthegate.rotl.RotlProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import uk.org.throughthegate.refusal.SubmittedFields;
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
            ReferenceData tables, ZoneId zone) {
        var fields = new SubmittedFields(request, zone);
        String reference = fields.text(CASE_REFERENCE);
        if (reference != null && journey == null) {
            fields.refuse(CASE_REFERENCE, "'" + reference + "' has no running journey");
        } else if (reference != null && !journey.inCustody()) {
            fields.refuse(CASE_REFERENCE, "'" + reference + "' has been released: ROTL is only for a child in custody");
        }
        String purpose = fields.text(PURPOSE);
        if (purpose != null && tables.rotlPurpose(purpose).isEmpty()) {
            fields.refuse(PURPOSE, "'" + purpose + "' is not a purpose of the ROTL purposes table (rotl-purposes.dmn)");
        }
        LocalDate proposed = fields.date(PROPOSED_DATE);
        if (proposed != null && proposed.isBefore(today)) {
            fields.refuse(PROPOSED_DATE, proposed + " has passed");
        }
        if (proposed != null && journey != null && journey.releaseDate() != null
                && !proposed.isBefore(journey.releaseDate())) {
            fields.refuse(PROPOSED_DATE, proposed + " is not before the release date " + journey.releaseDate());
        }
        if (fields.refused()) {
            throw new RotlRequestRefused(fields.errors()).forCase(reference);
        }
        return proposed;
    }

    /** The first day the child is eligible: that share of the days from sentence to release served. */
    public static LocalDate eligibleFrom(LocalDate sentence, LocalDate release, double shareServed) {
        long days = release.toEpochDay() - sentence.toEpochDay();
        return sentence.plusDays((long) Math.ceil(days * Math.max(0, Math.min(1, shareServed))));
    }
}
