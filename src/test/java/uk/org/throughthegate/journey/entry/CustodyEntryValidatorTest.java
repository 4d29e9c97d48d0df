package uk.org.throughthegate.journey.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.standards.ConsortiumStandards.Establishment;
import uk.org.throughthegate.standards.ConsortiumStandards.HomeYot;
import uk.org.throughthegate.standards.ReferenceData;
import uk.org.throughthegate.refusal.InputRefused;
import uk.org.throughthegate.journey.JourneyScenario;

class CustodyEntryValidatorTest {

    static final ReferenceData LEWISHAM_AND_FELTHAM = new ReferenceData() {
        @Override
        public Optional<HomeYot> homeYot(String id) {
            return "lewisham".equals(id)
                    ? Optional.of(new HomeYot(id, "Lewisham", "south-london", "South London")) : Optional.empty();
        }

        @Override
        public Optional<Establishment> establishment(String id) {
            return "feltham".equals(id) ? Optional.of(new Establishment(id, "Feltham YOI", "YOI")) : Optional.empty();
        }

        @Override
        public Optional<uk.org.throughthegate.standards.ConsortiumStandards.RotlPurpose> rotlPurpose(String id) {
            return Optional.empty();
        }
    };

    final CustodyEntryValidator validator = new CustodyEntryValidator(LEWISHAM_AND_FELTHAM,
            "LEW-RUNNING"::equals, ZoneId.of("Europe/London"));

    @Test
    void aCompleteEntryGetsItsConsortiumAndLicenceEnd() {
        CustodyEntry entry = validator.validate(JourneyScenario.lewishamCase("LEW-1"));
        assertThat(entry.consortium()).isEqualTo("south-london");
        assertThat(entry.licenceEndDate()).hasToString("2027-08-18");
    }

    @Test
    void aLengthGivenAsTextFromTheFormIsAccepted() {
        var in = JourneyScenario.lewishamCase("LEW-1");
        in.put("sentenceLengthMonths", "8");
        assertThat(validator.validate(in).sentenceLengthMonths()).isEqualTo(8);
    }

    @Test
    void everyWrongFieldIsNamedInOneRefusal() {
        var in = JourneyScenario.lewishamCase("LEW-1");
        in.put("homeYot", "atlantis");
        in.put("sentenceLengthMonths", 5);
        in.remove("establishment");
        assertThatThrownBy(() -> validator.validate(in))
                .isInstanceOf(CustodyEntryRefused.class)
                .hasMessageContaining("homeYot 'atlantis' is not a YOT of any consortium")
                .hasMessageContaining("sentenceLengthMonths 5 months is not a length a DTO can have")
                .hasMessageContaining("establishment is required");
    }

    @Test
    void aNameInsteadOfACaseReferenceIsRefused() {
        var in = JourneyScenario.lewishamCase("John Smith");
        assertThatThrownBy(() -> validator.validate(in)).hasMessageContaining("caseReference must be 3 to 30");
    }

    @Test
    void aReferenceWithARunningJourneyIsRefused() {
        assertThatThrownBy(() -> validator.validate(JourneyScenario.lewishamCase("LEW-RUNNING")))
                .hasMessageContaining("caseReference 'LEW-RUNNING' already has a running journey");
    }

    @Test
    void aDateTypedDayFirstIsReadDayFirst() {
        var in = JourneyScenario.lewishamCase("LEW-1");
        in.put("dateOfBirth", "05/03/2010");
        in.put("releaseDate", "01/04/2027");
        var entry = validator.validate(in);
        assertThat(entry.dateOfBirth()).isEqualTo(java.time.LocalDate.of(2010, 3, 5));
        assertThat(entry.releaseDate()).isEqualTo(java.time.LocalDate.of(2027, 4, 1));
    }

    @Test
    void aDateTypedMonthFirstOrInAnotherFormIsRefusedNotReadAsSomeOtherDay() {
        var in = JourneyScenario.lewishamCase("LEW-1");
        in.put("sentenceDate", "12/18/2026");
        in.put("releaseDate", "1 April 2027");
        assertThatThrownBy(() -> validator.validate(in))
                .hasMessageContaining("sentenceDate '12/18/2026' is not a real date (day/month/year, such as 23/11/2026)")
                .hasMessageContaining("releaseDate '1 April 2027' is not a date: type day/month/year");
    }

    @Test
    void refusalsListTheirFields() {
        var in = Map.<String, Object>of();
        try {
            validator.validate(new java.util.HashMap<>(in));
        } catch (CustodyEntryRefused e) {
            assertThat(e.errors()).extracting(InputRefused.FieldError::field).contains(
                    "caseReference", "dateOfBirth", "sentenceType", "sentenceLengthMonths", "sentenceDate",
                    "releaseDate", "homeYot", "establishment");
            return;
        }
        throw new AssertionError("an empty entry was accepted");
    }
}
