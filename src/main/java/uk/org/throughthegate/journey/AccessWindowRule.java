package uk.org.throughthegate.journey;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.org.throughthegate.standards.ConsortiumStandards;

/**
 * Whether a visit or session in custody falls within the establishment's access window for its
 * day (establishment-access-windows.dmn); if not, what to tell the person, window named.
 */
@Component
public class AccessWindowRule {

    private final ConsortiumStandards standards;

    AccessWindowRule(ConsortiumStandards standards) {
        this.standards = standards;
    }

    public Optional<String> refusal(String establishment, LocalDate on, LocalTime at) {
        String day = on.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK);
        var window = standards.accessWindow(establishment, on.getDayOfWeek());
        if (window.isEmpty()) {
            return Optional.of("there is no access window at " + establishment + " on " + day + "s");
        }
        return window.get().admits(at) ? Optional.empty()
                : Optional.of(at + " is outside the access window at " + establishment + " on " + day + "s, " + window.get());
    }
}
