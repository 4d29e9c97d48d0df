package uk.org.throughthegate.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.refusal.InputRefused.FieldError;

class SubmittedFieldsTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aDateTypedTheUkWayIsReadDayFirst() {
        var fields = new SubmittedFields(Map.of("releaseDate", "05/03/2027"), LONDON);

        assertThat(fields.date("releaseDate")).isEqualTo(LocalDate.of(2027, 3, 5));
        assertThat(fields.refused()).isFalse();
    }

    @Test
    void anInstantIsReadAsTheDayItIsInTheCaseTimeZone() {
        // 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time)
        Date instant = Date.from(ZonedDateTime.of(2027, 5, 31, 23, 30, 0, 0, ZoneId.of("UTC")).toInstant());

        assertThat(new SubmittedFields(Map.of("d", instant), LONDON).date("d")).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @Test
    void blankMissingAndImpossibleFieldsAreAllNamedAtOnce() {
        Map<String, Object> in = new HashMap<>();
        in.put("caseReference", "  ");
        in.put("releaseDate", "2027-02-30");
        var fields = new SubmittedFields(in, LONDON);

        assertThat(fields.text("caseReference")).isNull();
        assertThat(fields.date("releaseDate")).isNull();
        assertThat(fields.date("sentenceDate")).isNull();
        assertThat(fields.optionalDate("licenceEndDate")).isNull();

        assertThat(fields.errors()).extracting(FieldError::field)
                .containsExactly("caseReference", "releaseDate", "sentenceDate");
        assertThat(fields.errors().get(1).message()).contains("'2027-02-30' is not a real date");
        assertThat(fields.errors().get(2).message()).isEqualTo("is required");
    }

    @Test
    void textIsTrimmedAndAnOptionalBlankIsNoError() {
        var fields = new SubmittedFields(Map.of("purpose", "  education-visit ", "reason", ""), LONDON);

        assertThat(fields.text("purpose")).isEqualTo("education-visit");
        assertThat(fields.optionalText("reason")).isNull();
        assertThat(fields.refused()).isFalse();
    }
}
