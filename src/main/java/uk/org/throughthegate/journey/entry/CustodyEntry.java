package uk.org.throughthegate.journey.entry;

import java.time.LocalDate;

/** The facts recorded when a child enters custody, once checked. */
public record CustodyEntry(
        String caseReference,
        LocalDate dateOfBirth,
        String sentenceType,
        int sentenceLengthMonths,
        LocalDate sentenceDate,
        LocalDate releaseDate,
        LocalDate licenceEndDate,
        String homeYot,
        String establishment,
        String consortium,
        String homeYotName,
        String establishmentName,
        String consortiumName) {
}
