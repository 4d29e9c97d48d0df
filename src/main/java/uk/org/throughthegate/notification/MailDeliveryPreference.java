package uk.org.throughthegate.notification;

import java.util.Arrays;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;

/**
 * How a person wants to hear of new tasks: a mail for each at once (the default), or only the
 * daily digest. Kept as the person's user info in the engine's identity service.
 * Reminders and escalations always come at once: they are about deadlines.
 */
public enum MailDeliveryPreference {
    IMMEDIATE, DIGEST;

    static final String USER_INFO_KEY = "ttg.mailDelivery";

    public static MailDeliveryPreference of(IdentityService identity, String userId) {
        return ofStored(identity.getUserInfo(userId, USER_INFO_KEY));
    }

    /** The preference as kept in the user's info; none kept is the default. */
    static MailDeliveryPreference ofStored(String value) {
        return value == null ? IMMEDIATE : parse(value);
    }

    public static MailDeliveryPreference parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mail delivery must be one of " + Arrays.stream(values())
                    .map(MailDeliveryPreference::wire).toList() + ", not '" + value + "'");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    void saveFor(IdentityService identity, String userId) {
        identity.setUserInfo(userId, USER_INFO_KEY, wire());
    }
}
