package uk.org.throughthegate.journey.entry;

import java.util.List;
import uk.org.throughthegate.refusal.InputRefused;


/**
 * A custody entry with missing or wrong facts. Thrown inside the engine's start transaction, so no
 * journey is created; the message names every field that is wrong.
 */
public class CustodyEntryRefused extends InputRefused {

    /** Error code reported by the REST API (custom codes start at 20000). */
    public static final int CODE = 22001;

    public CustodyEntryRefused(List<FieldError> errors) {
        super("Custody entry", errors, CODE);
    }

}
