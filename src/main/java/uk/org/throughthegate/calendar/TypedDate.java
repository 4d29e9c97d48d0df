package uk.org.throughthegate.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * A date as a practitioner types it: day/month/year as written in England and Wales
 * ({@code 15/03/2010}), or unambiguous ISO ({@code 2010-03-15}) as API clients send it. Nothing else
 * is guessed at: a day 13 and over in the month's place, 31 February or 15.03.2010 is refused,
 * never turned into some other date.
 */
public final class TypedDate {

    /** What a practitioner is told to type. */
    public static final String UK_FORMAT = "dd/mm/yyyy";
    public static final String EXAMPLE = "23/11/2026";

    private static final Pattern UK = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private TypedDate() {
    }

    /**
     * @return the day the text names
     * @throws IllegalArgumentException naming what is wrong, in words for the person who typed it
     */
    public static LocalDate parse(String typed) {
        String text = typed == null ? "" : typed.trim();
        try {
            if (UK.matcher(text).matches()) {
                return LocalDate.parse(text, UK_DATE);
            }
            if (ISO.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a real date (day/month/year, such as " + EXAMPLE + ")");
        }
        throw new IllegalArgumentException("'" + text + "' is not a date: type day/month/year, such as " + EXAMPLE);
    }
}
