package uk.org.throughthegate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The engine's ids: the engine's time-based UUIDs, in 22 letters and digits. */
class CompactIdsTest {

    private static final String BASE_62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    final CompactIds ids = new CompactIds();

    @Test
    void anIdIsTwentyTwoLettersAndDigits() {
        assertThat(ids.getNextId()).matches("[0-9A-Za-z]{22}");
    }

    @Test
    void anIdHoldsEveryBitOfItsUuidTimestampFirst() {
        UUID uuid = UUID.fromString("5f1c2d3e-8a4b-11ef-9c3d-0242ac120002");
        BigInteger expected = BigInteger.valueOf(uuid.timestamp() << 4 | 1).shiftLeft(64)
                .or(new BigInteger(Long.toUnsignedString(uuid.getLeastSignificantBits())));

        assertThat(fromBase62(CompactIds.text(uuid))).isEqualTo(expected);
        assertThat(CompactIds.text(UUID.fromString("5f1c2d3e-8a4b-11ef-9c3d-0242ac120003")))
                .as("another node, another id").isNotEqualTo(CompactIds.text(uuid));
    }

    @Test
    void onlyTimeBasedUuidsAreWritten() {
        assertThatThrownBy(() -> CompactIds.text(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a time-based UUID");
    }

    @Test
    void idsMadeLaterSortLater() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.getNextId());
        }
        assertThat(made).isSorted();
    }

    @Test
    void noTwoIdsAreTheSameAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> makers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                makers.add(() -> {
                    List<String> made = new ArrayList<>();
                    for (int i = 0; i < 50_000; i++) {
                        made.add(new CompactIds().getNextId());
                    }
                    return made;
                });
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> made : pool.invokeAll(makers)) {
                all.addAll(made.get());
            }
            assertThat(all).hasSize(200_000);
        } finally {
            pool.shutdown();
        }
    }

    private static BigInteger fromBase62(String text) {
        BigInteger value = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(BASE_62.indexOf(c)));
        }
        return value;
    }
}
