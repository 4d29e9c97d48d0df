package uk.org.throughthegate.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TypedDateTest {

    @Test
    void aDateTypedDayFirstIsReadDayFirst() {
        assertThat(TypedDate.parse("15/03/2010")).isEqualTo(LocalDate.of(2010, 3, 15));
        assertThat(TypedDate.parse("05/11/2026")).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(TypedDate.parse(" 5/1/2027 ")).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(TypedDate.parse("23/11/2026")).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void anIsoDateFromAnApiClientIsAccepted() {
        assertThat(TypedDate.parse("2010-03-15")).isEqualTo(LocalDate.of(2010, 3, 15));
    }

    @Test
    void aMonthOverTwelveOrADayTheMonthDoesNotHaveIsRefusedNotRolledOver() {
        assertThatThrownBy(() -> TypedDate.parse("03/15/2010")).hasMessage(
                "'03/15/2010' is not a real date (day/month/year, such as 23/11/2026)");
        assertThatThrownBy(() -> TypedDate.parse("31/02/2026")).hasMessageContaining("is not a real date");
        assertThatThrownBy(() -> TypedDate.parse("2026-02-30")).hasMessageContaining("is not a real date");
    }

    @Test
    void anythingElseIsRefusedWithTheFormToUse() {
        assertThatThrownBy(() -> TypedDate.parse("15.03.2010")).hasMessage(
                "'15.03.2010' is not a date: type day/month/year, such as 23/11/2026");
        assertThatThrownBy(() -> TypedDate.parse("15/03/10")).hasMessageContaining("type day/month/year");
        assertThatThrownBy(() -> TypedDate.parse("")).hasMessageContaining("type day/month/year");
    }
}
