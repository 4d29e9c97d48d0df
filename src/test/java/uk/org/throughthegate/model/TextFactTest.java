package uk.org.throughthegate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A text fact is read as text, unset as null, and anything else is named as a modelling error. */
class TextFactTest {

    @Test
    void textIsReadAsText() {
        assertThat(TextFact.text("pmTeam", "pm-south-london")).isEqualTo("pm-south-london");
    }

    @Test
    void anUnsetVariableIsNull() {
        assertThat(TextFact.text("pmTeam", null)).isNull();
    }

    @Test
    void aVariableOfAnotherTypeIsNamed() {
        assertThatThrownBy(() -> TextFact.text("journeyCount", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the variable 'journeyCount' holds Integer, not text");
    }
}
