package uk.org.throughthegate.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the daily digest at the time set by {@code ttg.notification.digest-cron} ("-" turns it off). */
@Configuration
@EnableScheduling
class DigestSchedule {

    private final TeamDigest digest;

    DigestSchedule(TeamDigest digest) {
        this.digest = digest;
    }

    @Scheduled(cron = "${ttg.notification.digest-cron}", zone = "${ttg.time-zone}")
    void sendDailyDigest() {
        digest.send();
    }
}
