package uk.org.throughthegate.journey.entry;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import uk.org.throughthegate.model.CaseReference;
import uk.org.throughthegate.refusal.SubmittedFields;
import uk.org.throughthegate.standards.ConsortiumStandards.Establishment;
import uk.org.throughthegate.standards.ConsortiumStandards.HomeYot;
import uk.org.throughthegate.standards.ReferenceData;
import uk.org.throughthegate.journey.LicencePeriod;

/**
 * Checks the custody-entry contract and turns it into a {@link CustodyEntry}, or refuses it with
 * every wrong field named.
 */
public class CustodyEntryValidator {

    static final Set<Integer> DTO_LENGTHS_MONTHS = Set.of(4, 6, 8, 10, 12, 18, 24);
    static final int YOUNGEST_AGE = 10;
    static final int OLDEST_AGE = 17;

    private final ReferenceData referenceData;
    private final Predicate<String> journeyRunning;
    private final ZoneId zone;

    public CustodyEntryValidator(ReferenceData referenceData, Predicate<String> journeyRunning, ZoneId zone) {
        this.referenceData = referenceData;
        this.journeyRunning = journeyRunning;
        this.zone = zone;
    }

    public CustodyEntry validate(Map<String, Object> in) {
        SubmittedFields fields = new SubmittedFields(in, zone);

        String reference = fields.text(CASE_REFERENCE);
        if (reference != null) {
            if (!CaseReference.isWellFormed(reference)) {
                fields.refuse(CASE_REFERENCE, "must be 3 to 30 letters, digits or hyphens (a case reference, never a name)");
            } else if (journeyRunning.test(reference)) {
                fields.refuse(CASE_REFERENCE, "'" + reference + "' already has a running journey");
            }
        }

        String sentenceType = fields.text(SENTENCE_TYPE);
        if (sentenceType != null && !"DTO".equals(sentenceType)) {
            fields.refuse(SENTENCE_TYPE, "'" + sentenceType
                    + "' is not supported: only a Detention and Training Order (DTO) can be recorded for now");
        }

        Integer length = months(fields);
        LocalDate dateOfBirth = fields.date(DATE_OF_BIRTH);
        LocalDate sentenceDate = fields.date(SENTENCE_DATE);
        LocalDate releaseDate = fields.date(RELEASE_DATE);
        LocalDate licenceEnd = fields.optionalDate(LICENCE_END_DATE);

        if (dateOfBirth != null && sentenceDate != null) {
            int age = Period.between(dateOfBirth, sentenceDate).getYears();
            if (age < YOUNGEST_AGE || age > OLDEST_AGE) {
                fields.refuse(DATE_OF_BIRTH, "gives an age of " + age
                        + " at sentence; a DTO is for children aged " + YOUNGEST_AGE + " to " + OLDEST_AGE);
            }
        }
        if (sentenceDate != null && releaseDate != null) {
            if (!releaseDate.isAfter(sentenceDate)) {
                fields.refuse(RELEASE_DATE, "must be after the sentence date " + sentenceDate);
            } else if (length != null && !releaseDate.isBefore(sentenceDate.plusMonths(length))) {
                fields.refuse(RELEASE_DATE, "must be before the end of the " + length
                        + "-month order (" + sentenceDate.plusMonths(length) + ")");
            }
        }
        if (licenceEnd != null && releaseDate != null && !licenceEnd.isAfter(releaseDate)) {
            fields.refuse(LICENCE_END_DATE, "must be after the release date " + releaseDate);
        }

        String yot = fields.text(HOME_YOT);
        Optional<HomeYot> homeYot = Optional.empty();
        if (yot != null) {
            homeYot = referenceData.homeYot(yot);
            if (homeYot.isEmpty()) {
                fields.refuse(HOME_YOT, "'" + yot + "' is not a YOT of any consortium (use the lower-case id, such as lewisham)");
            }
        }
        String establishment = fields.text(ESTABLISHMENT);
        Optional<Establishment> secureEstablishment = establishment == null ? Optional.empty()
                : referenceData.establishment(establishment);
        if (establishment != null && secureEstablishment.isEmpty()) {
            fields.refuse(ESTABLISHMENT, "'" + establishment
                    + "' is not a known secure establishment (use the lower-case id, such as feltham)");
        }

        if (fields.refused()) {
            throw new CustodyEntryRefused(fields.errors()).forCase(reference);
        }
        LocalDate licenceEndDate = licenceEnd != null ? licenceEnd
                : LicencePeriod.endDate(dateOfBirth, sentenceDate, length);
        return new CustodyEntry(reference, dateOfBirth, sentenceType, length, sentenceDate, releaseDate,
                licenceEndDate, yot, establishment, homeYot.get().consortium(), homeYot.get().name(),
                secureEstablishment.get().name(), homeYot.get().consortiumName());
    }

    private static Integer months(SubmittedFields fields) {
        if (fields.isBlank(SENTENCE_LENGTH_MONTHS)) {
            fields.refuse(SENTENCE_LENGTH_MONTHS, "is required");
            return null;
        }
        Object value = fields.raw(SENTENCE_LENGTH_MONTHS);
        try {
            int months = value instanceof Number n && n.doubleValue() == n.intValue()
                    ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (!DTO_LENGTHS_MONTHS.contains(months)) {
                fields.refuse(SENTENCE_LENGTH_MONTHS, months
                        + " months is not a length a DTO can have (4, 6, 8, 10, 12, 18 or 24)");
                return null;
            }
            return months;
        } catch (NumberFormatException e) {
            fields.refuse(SENTENCE_LENGTH_MONTHS, "'" + value + "' is not a whole number of months");
            return null;
        }
    }
}
