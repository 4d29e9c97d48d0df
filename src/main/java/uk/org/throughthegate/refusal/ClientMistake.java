package uk.org.throughthegate.refusal;

import org.camunda.bpm.engine.exception.NullValueException;

/**
 * What the engine throws, wrapped or not, when the person got something wrong rather than the
 * service failing: one place for the REST answer (4xx) and the log (not ERROR) to agree on.
 */
final class ClientMistake {

    private ClientMistake() {
    }

    /** The refusal somewhere in the cause chain, or null. */
    static InputRefused refusalIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputRefused refused) {
                return refused;
            }
        }
        return null;
    }

    /** The engine's "Cannot find task with id ..." for an id that does not exist, or null. */
    static NullValueException unknownIdIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NullValueException missing && String.valueOf(missing.getMessage()).startsWith("Cannot find")) {
                return missing;
            }
        }
        return null;
    }

    static boolean isIn(Throwable thrown) {
        return refusalIn(thrown) != null || unknownIdIn(thrown) != null;
    }
}
