package uk.org.throughthegate.journey;

import java.time.LocalDate;
import java.time.Period;

/** When a Detention and Training Order's supervision in the community ends (Sentencing Act 2020 s.233-236). */
public final class LicencePeriod {

    static final int ADULT_AGE = 18;
    static final int LONGEST_SHORTENED_TERM_MONTHS = 24;
    static final int ADULT_SUPERVISION_MONTHS = 12;

    private LicencePeriod() {
    }

    /**
     * The end of the term, sentence date plus its length; but a child who is 18 or over at the
     * halfway point of an order under 24 months is supervised for 12 months from halfway.
     */
    public static LocalDate endDate(LocalDate dateOfBirth, LocalDate sentenceDate, int lengthMonths) {
        LocalDate halfway = sentenceDate.plusMonths(lengthMonths / 2);
        if (lengthMonths < LONGEST_SHORTENED_TERM_MONTHS
                && Period.between(dateOfBirth, halfway).getYears() >= ADULT_AGE) {
            return halfway.plusMonths(ADULT_SUPERVISION_MONTHS);
        }
        return sentenceDate.plusMonths(lengthMonths);
    }
}
