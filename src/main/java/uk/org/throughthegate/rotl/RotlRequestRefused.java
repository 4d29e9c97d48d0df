package uk.org.throughthegate.rotl;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

import uk.org.throughthegate.journey.CustodyEntryRefused.FieldError;

/** A ROTL request that cannot be made; thrown in the start transaction, so nothing is created. */
public class RotlRequestRefused extends ProcessEngineException {

    public static final int CODE = 22003;

    public RotlRequestRefused(List<FieldError> errors) {
        super("ROTL request refused: " + String.join("; ", errors.stream().map(FieldError::toString).toList()), CODE);
    }
}
