package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mail sent again (its job run twice after a crash) has the Message-ID it had, so it is shown once. */
class MailMessageIdTest {

    @Test
    void theMessageIdIsTheMailsKeyAtTheSendersDomain() {
        assertThat(MailDelivery.messageId("new:4f1c-77:yot.lewisham", "Through the Gate <ttg@yot.example.gov.uk>"))
                .isEqualTo("<new.4f1c-77.yot.lewisham@yot.example.gov.uk>")
                .isEqualTo(MailDelivery.messageId("new:4f1c-77:yot.lewisham", "Through the Gate <ttg@yot.example.gov.uk>"));
        assertThat(MailDelivery.messageId("digest:yot-lewisham:2027-01-04:yot.lewisham", "through-the-gate@localhost"))
                .isEqualTo("<digest.yot-lewisham.2027-01-04.yot.lewisham@localhost>");
        assertThat(MailDelivery.messageId("reminder:x y<z>", "nobody")).isEqualTo("<reminder.x.y.z.@localhost>");
    }
}
