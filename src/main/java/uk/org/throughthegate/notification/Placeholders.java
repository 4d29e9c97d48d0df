package uk.org.throughthegate.notification;

import java.util.Collections;

/**
 * The {@code ?, ?, ?} of an SQL list whose length is known only when it is asked: the notification
 * package's statements that take a set of ids, or a page of rows, in one statement.
 */
final class Placeholders {

    private Placeholders() {
    }

    /** {@code count} placeholders, comma-separated; {@code count} must be at least one. */
    static String of(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an SQL list holds at least one value, not " + count);
        }
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
