package uk.org.throughthegate.refusal;

import java.util.List;


import uk.org.throughthegate.refusal.InputRefused.FieldError;

/** A change to a running journey that cannot be made; nothing of it is applied. */
public class JourneyChangeRefused extends InputRefused {

    public static final int CODE = 22004;

    public JourneyChangeRefused(String what, List<FieldError> errors) {
        super(what, errors, CODE);
    }
}
