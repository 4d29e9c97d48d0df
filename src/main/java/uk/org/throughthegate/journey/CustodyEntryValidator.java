package uk.org.throughthegate.journey;

import static uk.org.throughthegate.journey.JourneyProcess.*;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import uk.org.throughthegate.calendar.TypedDate;
import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.standards.ConsortiumStandards.HomeYot;
import uk.org.throughthegate.standards.ReferenceData;

/**
 * Checks the custody-entry contract and turns it into a {@link CustodyEntry}, or refuses it with
 * every wrong field named.
 */
public class CustodyEntryValidator {

    static final Set<Integer> DTO_LENGTHS_MONTHS = Set.of(4, 6, 8, 10, 12, 18, 24);
    static final int YOUNGEST_AGE = 10;
    static final int OLDEST_AGE = 17;
    private static final Pattern CASE_REFERENCE_FORMAT = Pattern.compile("[A-Za-z0-9-]{3,30}");

    private final ReferenceData referenceData;
    private final Predicate<String> journeyRunning;
    private final ZoneId zone;

    public CustodyEntryValidator(ReferenceData referenceData, Predicate<String> journeyRunning, ZoneId zone) {
        this.referenceData = referenceData;
        this.journeyRunning = journeyRunning;
        this.zone = zone;
    }

    public CustodyEntry validate(Map<String, Object> in) {
        List<FieldError> errors = new ArrayList<>();

        String reference = text(in, CASE_REFERENCE, errors);
        if (reference != null) {
            if (!CASE_REFERENCE_FORMAT.matcher(reference).matches()) {
                errors.add(new FieldError(CASE_REFERENCE,
                        "must be 3 to 30 letters, digits or hyphens (a case reference, never a name)"));
            } else if (journeyRunning.test(reference)) {
                errors.add(new FieldError(CASE_REFERENCE, "'" + reference + "' already has a running journey"));
            }
        }

        String sentenceType = text(in, SENTENCE_TYPE, errors);
        if (sentenceType != null && !"DTO".equals(sentenceType)) {
            errors.add(new FieldError(SENTENCE_TYPE, "'" + sentenceType
                    + "' is not supported: only a Detention and Training Order (DTO) can be recorded for now"));
        }

        Integer length = months(in, errors);
        LocalDate dateOfBirth = date(in, DATE_OF_BIRTH, errors);
        LocalDate sentenceDate = date(in, SENTENCE_DATE, errors);
        LocalDate releaseDate = date(in, RELEASE_DATE, errors);
        LocalDate licenceEnd = optionalDate(in, LICENCE_END_DATE, errors);

        if (dateOfBirth != null && sentenceDate != null) {
            int age = Period.between(dateOfBirth, sentenceDate).getYears();
            if (age < YOUNGEST_AGE || age > OLDEST_AGE) {
                errors.add(new FieldError(DATE_OF_BIRTH, "gives an age of " + age
                        + " at sentence; a DTO is for children aged " + YOUNGEST_AGE + " to " + OLDEST_AGE));
            }
        }
        if (sentenceDate != null && releaseDate != null) {
            if (!releaseDate.isAfter(sentenceDate)) {
                errors.add(new FieldError(RELEASE_DATE, "must be after the sentence date " + sentenceDate));
            } else if (length != null && !releaseDate.isBefore(sentenceDate.plusMonths(length))) {
                errors.add(new FieldError(RELEASE_DATE, "must be before the end of the " + length
                        + "-month order (" + sentenceDate.plusMonths(length) + ")"));
            }
        }
        if (licenceEnd != null && releaseDate != null && !licenceEnd.isAfter(releaseDate)) {
            errors.add(new FieldError(LICENCE_END_DATE, "must be after the release date " + releaseDate));
        }

        String yot = text(in, HOME_YOT, errors);
        Optional<HomeYot> homeYot = Optional.empty();
        if (yot != null) {
            homeYot = referenceData.homeYot(yot);
            if (homeYot.isEmpty()) {
                errors.add(new FieldError(HOME_YOT, "'" + yot
                        + "' is not a YOT of any consortium (use the lower-case id, such as lewisham)"));
            }
        }
        String establishment = text(in, ESTABLISHMENT, errors);
        if (establishment != null && referenceData.establishment(establishment).isEmpty()) {
            errors.add(new FieldError(ESTABLISHMENT, "'" + establishment
                    + "' is not a known secure establishment (use the lower-case id, such as feltham)"));
        }

        if (!errors.isEmpty()) {
            throw new CustodyEntryRefused(errors);
        }
        LocalDate licenceEndDate = licenceEnd != null ? licenceEnd
                : LicencePeriod.endDate(dateOfBirth, sentenceDate, length);
        return new CustodyEntry(reference, dateOfBirth, sentenceType, length, sentenceDate, releaseDate,
                licenceEndDate, yot, establishment, homeYot.get().consortium());
    }

    private static String text(Map<String, Object> in, String field, List<FieldError> errors) {
        Object value = in.get(field);
        if (value == null || value.toString().isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return value.toString().trim();
    }

    private Integer months(Map<String, Object> in, List<FieldError> errors) {
        Object value = in.get(SENTENCE_LENGTH_MONTHS);
        if (value == null || value.toString().isBlank()) {
            errors.add(new FieldError(SENTENCE_LENGTH_MONTHS, "is required"));
            return null;
        }
        try {
            int months = value instanceof Number n && n.doubleValue() == n.intValue()
                    ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (!DTO_LENGTHS_MONTHS.contains(months)) {
                errors.add(new FieldError(SENTENCE_LENGTH_MONTHS, months
                        + " months is not a length a DTO can have (4, 6, 8, 10, 12, 18 or 24)"));
                return null;
            }
            return months;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(SENTENCE_LENGTH_MONTHS, "'" + value + "' is not a whole number of months"));
            return null;
        }
    }

    private LocalDate date(Map<String, Object> in, String field, List<FieldError> errors) {
        if (in.get(field) == null || in.get(field).toString().isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return optionalDate(in, field, errors);
    }

    private LocalDate optionalDate(Map<String, Object> in, String field, List<FieldError> errors) {
        Object value = in.get(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        try {
            return TypedDate.parse(value.toString());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
