package uk.org.throughthegate.rotl;

import java.util.List;


import uk.org.throughthegate.refusal.InputRefused.FieldError;
import uk.org.throughthegate.refusal.InputRefused;

/** A ROTL request that cannot be made; thrown in the start transaction, so nothing is created. */
public class RotlRequestRefused extends InputRefused {

    public static final int CODE = 22003;

    public RotlRequestRefused(List<FieldError> errors) {
        super("ROTL request", errors, CODE);
    }
}
