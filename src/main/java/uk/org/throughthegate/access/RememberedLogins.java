package uk.org.throughthegate.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who passed an HTTP Basic check a moment ago, with their teams: a REST client sends the same
 * credentials on every call, and each call otherwise checks the password hash and reads the
 * person's groups and tenants before it reads anything else (9 ms p50 of a 27 ms team list in the
 * benchmark). Only a success is remembered, for {@code ttl}; any other password is checked by
 * the engine (which counts a wrong one towards its delay and lock-out), and a changed password, a
 * lock or a change of team applies after at most {@code ttl}. The password itself is not kept: a keyed hash of it, with a key made
 * at start-up and held in memory only.
 */
final class RememberedLogins {

    /** A person's teams and tenants, as the engine's REST filter would read them. */
    record Membership(List<String> groups, List<String> tenants) {
    }

    private record Login(byte[] proof, Membership membership, long checkedAt) {
    }

    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final byte[] key = new byte[32];

    RememberedLogins(Duration ttl, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        new SecureRandom().nextBytes(key);
    }

    /**
     * Whether {@code password} is the user's: remembered if it passed within the time to live,
     * otherwise {@code checkPassword}, and on success the user's {@code membership} is read again.
     */
    boolean check(String user, String password, BooleanSupplier checkPassword, Supplier<Membership> membership) {
        byte[] proof = proof(user, password);
        Login known = logins.get(user);
        long now = nanoClock.getAsLong();
        if (known != null && now - known.checkedAt() < ttlNanos && MessageDigest.isEqual(known.proof(), proof)) {
            return true;
        }
        if (!checkPassword.getAsBoolean()) {
            return false; // a guess does not forget the right password: the engine counts it, and may lock
        }
        if (ttlNanos > 0) {
            logins.put(user, new Login(proof, membership.get(), now));
        }
        return true;
    }

    /** The membership read at the user's last check, or null if none is remembered. */
    Membership membership(String user) {
        Login known = logins.get(user);
        return known == null ? null : known.membership();
    }

    private byte[] proof(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
