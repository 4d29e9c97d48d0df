package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.standards.EscalationStandards;

class EscalationScheduleTest {

    private final EscalationSchedule ladder = new EscalationSchedule(new EscalationStandards(2, 1, 3, 5));

    @Test
    void aTaskDueOnTheTuesdayAfterEasterIsRemindedTheWednesdayBeforeGoodFriday() {
        assertThat(ladder.reminder(LocalDate.parse("2027-03-30"))).isEqualTo(LocalDateTime.parse("2027-03-24T09:00"));
    }

    @Test
    void aTaskDueOnChristmasEveGoesUpTheLadderOnWorkingDaysOnly() {
        LocalDate due = LocalDate.parse("2026-12-24");
        assertThat(ladder.yotManager(due)).isEqualTo(LocalDateTime.parse("2026-12-29T09:00"));
        assertThat(ladder.projectManager(due)).isEqualTo(LocalDateTime.parse("2026-12-31T09:00"));
        assertThat(ladder.strategicLead(due)).isEqualTo(LocalDateTime.parse("2027-01-05T09:00"));
    }

    @Test
    void aLadderOutOfOrderInTheStandardsTableIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new EscalationStandards(2, 3, 1, 5)).hasMessageContaining("in order");
        assertThatThrownBy(() -> new EscalationStandards(2, 0, 3, 5)).hasMessageContaining("one working day or more");
    }
}
