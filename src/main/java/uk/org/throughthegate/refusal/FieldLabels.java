package uk.org.throughthegate.refusal;

/**
 * The words people see for a submitted field: its label on the form they filled in. A refusal
 * answered to a person names the field as the form does, not by its variable name.
 */
public interface FieldLabels {

    /** @return the field's label on the forms, or null when no form shows the field */
    String labelOf(String field);

    FieldLabels NONE = field -> null;
}
