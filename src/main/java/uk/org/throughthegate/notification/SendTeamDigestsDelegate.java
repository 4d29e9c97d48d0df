package uk.org.throughthegate.notification;

import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.calendar.EngineClock;
import uk.org.throughthegate.calendar.WorkingDays;

/** "Send each team its digest" in the daily-digest process; nothing on a bank holiday. */
@Component("sendTeamDigests")
class SendTeamDigestsDelegate implements JavaDelegate {

    static final String DIGESTS_QUEUED = "digestsQueued";
    private static final Logger LOG = LoggerFactory.getLogger(SendTeamDigestsDelegate.class);

    private final TeamDigest digest;
    private final ZoneId zone;

    SendTeamDigestsDelegate(TeamDigest digest, ZoneId caseTimeZone) {
        this.digest = digest;
        this.zone = caseTimeZone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var today = EngineClock.today(zone);
        if (!WorkingDays.isWorkingDay(today)) {
            LOG.info("No digest on {}: not a working day", today);
            execution.setVariable(DIGESTS_QUEUED, 0);
            return;
        }
        execution.setVariable(DIGESTS_QUEUED, digest.send());
    }
}
