package uk.org.throughthegate.model;

import java.util.regex.Pattern;

/** The form of a case reference: 3 to 30 letters, digits or hyphens, so never a name with a space. */
public final class CaseReference {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{3,30}");

    private CaseReference() {
    }

    public static boolean isWellFormed(String reference) {
        return reference != null && FORMAT.matcher(reference).matches();
    }
}
