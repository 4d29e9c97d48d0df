package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void oneQuestionMarkPerValueCommaSeparated() {
        assertThat(Placeholders.of(1)).isEqualTo("?");
        assertThat(Placeholders.of(3)).isEqualTo("?, ?, ?");
    }

    @Test
    void anEmptyListIsRefusedRatherThanWrittenAsInvalidSql() {
        assertThatThrownBy(() -> Placeholders.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one value");
    }
}
