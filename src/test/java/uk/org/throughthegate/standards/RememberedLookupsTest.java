package uk.org.throughthegate.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RememberedLookupsTest {

    private final AtomicInteger evaluations = new AtomicInteger();

    private String evaluate(String answer) {
        evaluations.incrementAndGet();
        return answer;
    }

    @Test
    void theSameQuestionToTheSameVersionIsEvaluatedOnce() {
        var lookups = new RememberedLookups<String>(10);
        assertThat(lookups.answer("standards:3", Map.of("consortium", "south-london"), () -> evaluate("P6W"))).isEqualTo("P6W");
        assertThat(lookups.answer("standards:3", Map.of("consortium", "south-london"), () -> evaluate("other")))
                .as("answered from memory").isEqualTo("P6W");
        assertThat(evaluations).hasValue(1);
    }

    @Test
    void aNewlyDeployedVersionOrAnotherQuestionIsEvaluatedAfresh() {
        var lookups = new RememberedLookups<String>(10);
        lookups.answer("standards:3", Map.of("consortium", "south-london"), () -> evaluate("P6W"));
        assertThat(lookups.answer("standards:4", Map.of("consortium", "south-london"), () -> evaluate("P8W")))
                .as("the process owner's new version").isEqualTo("P8W");
        assertThat(lookups.answer("standards:4", Map.of("consortium", "east-midlands"), () -> evaluate("P4W"))).isEqualTo("P4W");
        assertThat(evaluations).hasValue(3);
    }

    @Test
    void itHoldsNoMoreThanItsCapacityAndDropsTheAnswerUsedLongestAgo() {
        var lookups = new RememberedLookups<String>(2);
        lookups.answer("t:1", Map.of("k", "a"), () -> evaluate("A"));
        lookups.answer("t:1", Map.of("k", "b"), () -> evaluate("B"));
        lookups.answer("t:1", Map.of("k", "a"), () -> evaluate("A")); // a used again: b is now the oldest
        lookups.answer("t:1", Map.of("k", "c"), () -> evaluate("C"));
        assertThat(lookups.size()).isEqualTo(2);
        lookups.answer("t:1", Map.of("k", "a"), () -> evaluate("A"));
        assertThat(evaluations).as("a still remembered").hasValue(3);
        lookups.answer("t:1", Map.of("k", "b"), () -> evaluate("B"));
        assertThat(evaluations).as("b was dropped").hasValue(4);
    }
}
