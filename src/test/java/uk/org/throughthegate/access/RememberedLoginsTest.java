package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.access.RememberedLogins.Membership;

/** A REST client's passed check is remembered for a moment, and only that. */
class RememberedLoginsTest {

    final AtomicLong clock = new AtomicLong();
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger membershipReads = new AtomicInteger();
    List<String> teams = List.of("yot-lewisham");

    final RememberedLogins logins = new RememberedLogins(Duration.ofSeconds(30), clock::get);

    boolean login(String password) {
        return logins.check("default/yot.lewisham", password, () -> {
            checks.incrementAndGet();
            return password.equals("right");
        }, () -> {
            membershipReads.incrementAndGet();
            return new Membership(teams, List.of());
        });
    }

    @Test
    void aPassedCheckIsRememberedWithTheTeams() {
        assertThat(login("right")).isTrue();
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(login("right")).isTrue();

        assertThat(checks).as("password checks").hasValue(1);
        assertThat(membershipReads).hasValue(1);
        assertThat(logins.membership("default/yot.lewisham").groups()).containsExactly("yot-lewisham");
    }

    @Test
    void anyOtherPasswordIsCheckedAndRefusedAndTheRightOneStaysRemembered() {
        login("right");
        assertThat(login("guess")).isFalse();
        assertThat(login("")).isFalse();
        assertThat(checks).as("the right one, then each guess").hasValue(3);

        assertThat(login("right")).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void afterTheTimeToLiveThePasswordIsCheckedAndTheTeamsReadAgain() {
        login("right");
        teams = List.of("yot-leeds");
        clock.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(login("right")).isTrue();
        assertThat(checks).hasValue(2);
        assertThat(logins.membership("default/yot.lewisham").groups()).as("a change of team applies")
                .containsExactly("yot-leeds");
    }

    @Test
    void aChangedPasswordIsNotRememberedAsTheOldOne() {
        login("right");
        // the password is changed to "new": the old one still passes for the time to live, the new one is checked
        assertThat(logins.check("default/yot.lewisham", "new", () -> {
            checks.incrementAndGet();
            return true;
        }, () -> new Membership(teams, List.of()))).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void withNoTimeToLiveEveryCallIsChecked() {
        var everyCall = new RememberedLogins(Duration.ZERO, clock::get);
        for (int i = 0; i < 3; i++) {
            assertThat(everyCall.check("default/yot.lewisham", "right", () -> {
                checks.incrementAndGet();
                return true;
            }, () -> new Membership(teams, List.of()))).isTrue();
        }
        assertThat(checks).hasValue(3);
        assertThat(everyCall.membership("default/yot.lewisham")).isNull();
    }
}
