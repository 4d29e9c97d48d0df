package uk.org.throughthegate.database;

import java.util.UUID;

import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.springframework.stereotype.Component;

/**
 * The engine's ids: the same time-based UUIDs as the engine's {@link StrongUuidGenerator} (which
 * the Spring Boot starter uses so that several nodes can share a database), written in 22 letters
 * and digits instead of 36 characters, timestamp first.
 * <p>
 * Every history row names about seven ids (its own, its process instance, root, execution,
 * activity instance, definition...): as UUID text they were about 60 % of a closed journey's
 * history. The 128 bits, and so the uniqueness across nodes, are unchanged: the 60-bit
 * timestamp, the clock sequence and the node (network address) of the time-based UUID, with its
 * version and variant bits. Timestamp first, ids made later sort later (in the C collation), so
 * new rows go to the end of the id indexes rather than anywhere in them.
 * <p>
 * Base 62 tells upper from lower case: the database must compare ids case-sensitively, as
 * PostgreSQL and H2 do (the engine's ids are compared by equality only).
 */
@Component
class CompactIds extends StrongUuidGenerator {

    static final int LENGTH = 22;

    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();

    private static final long MASK_32 = 0xffffffffL;

    @Override
    public String getNextId() {
        return text(timeBasedGenerator.generate());
    }

    /** A time-based UUID as 22 base-62 digits, its timestamp first. */
    static String text(UUID timeBased) {
        if (timeBased.version() != 1) {
            throw new IllegalArgumentException("not a time-based UUID: " + timeBased);
        }
        long high = timeBased.timestamp() << 4 | timeBased.version();
        long low = timeBased.getLeastSignificantBits();
        long[] words = { high >>> 32, high & MASK_32, low >>> 32, low & MASK_32 };
        char[] digits = new char[LENGTH];
        for (int position = LENGTH - 1; position >= 0; position--) {
            long remainder = 0;
            for (int i = 0; i < words.length; i++) {
                long current = remainder << 32 | words[i];
                words[i] = current / DIGITS.length;
                remainder = current % DIGITS.length;
            }
            digits[position] = DIGITS[(int) remainder];
        }
        return new String(digits);
    }
}
