package uk.org.throughthegate.standards;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers of the reference tables already looked up, by deployed version of the table and the
 * values asked about. The tables' input entries compare keys (a consortium, an establishment, a
 * day) and use no clock, so a version gives the same answer to the same question for as long as it
 * is deployed; a version the process owner deploys has an id of its own and is asked afresh.
 * Evaluating a table through FEEL built the engine's built-in function library anew each time,
 * which was 30 % of the service's processor time while journeys moved. Bounded, dropping the
 * answer used longest ago, in case a table is ever keyed on free text.
 */
final class RememberedLookups<V> {

    private record Question(String tableVersion, Map<String, Object> inputs) {
    }

    private final Map<Question, V> answers;

    RememberedLookups(int capacity) {
        this.answers = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Question, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V answer(String tableVersion, Map<String, ?> inputs, Supplier<V> evaluate) {
        Question question = new Question(tableVersion, new HashMap<>(inputs));
        synchronized (answers) {
            V known = answers.get(question);
            if (known != null) {
                return known;
            }
        }
        V answer = evaluate.get(); // outside the lock: two threads may both evaluate a new question once
        synchronized (answers) {
            answers.put(question, answer);
        }
        return answer;
    }

    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
