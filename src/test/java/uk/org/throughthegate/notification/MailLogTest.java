package uk.org.throughthegate.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The mail log on its own (H2, no engine): a sending job's mails are logged however many there are. */
class MailLogTest {

    @Test
    void aBatchOfMoreMailsThanOneStatementHoldsIsLoggedWhole() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:mail-log-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1"));
        MailLog log = new MailLog(jdbc);
        List<OutgoingMail> digests = new ArrayList<>();
        for (int i = 0; i < 2 * MultiRowInsert.ROWS_PER_STATEMENT + 5; i++) {
            digests.add(new OutgoingMail("digest:2026-12-07:yot.member" + i, "LEW-LOG", "member" + i + "@test.invalid",
                    "Your team's tasks", "text", "<p>html</p>"));
        }

        log.sent(digests);
        log.sent(List.of());

        assertThat(log.about("LEW-LOG")).extracting(MailLog.SentMail::key)
                .containsExactlyInAnyOrderElementsOf(digests.stream().map(OutgoingMail::key).toList());
        assertThat(log.wasSent("digest:2026-12-07:yot.member204")).isTrue();
        assertThat(log.wasSent("digest:2026-12-07:yot.member205")).isFalse();
    }
}
