package uk.org.throughthegate.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import uk.org.throughthegate.calendar.WorkingDays;
import uk.org.throughthegate.dashboard.JourneyHistory.LicenceSpell;
import uk.org.throughthegate.dashboard.JourneyHistory.RotlDecision;

/** The measures of one scope and period, summed from history's tallies by month, YOT or establishment. */
public final class Timeliness {

    private final Scope scope;
    private final Period period;
    private final List<Tally> tallies;
    private final List<LicenceSpell> licence;
    private final List<RotlDecision> decisions;

    Timeliness(Scope scope, Period period, List<Tally> tallies, List<LicenceSpell> licence, List<RotlDecision> decisions) {
        this.scope = scope;
        this.period = period;
        this.tallies = List.copyOf(tallies);
        this.licence = List.copyOf(licence);
        this.decisions = List.copyOf(decisions);
    }

    public Scope scope() {
        return scope;
    }

    public Period period() {
        return period;
    }

    public Figure total(Measure measure) {
        return sum(measure, t -> true);
    }

    public Figure inMonth(Measure measure, YearMonth month) {
        return sum(measure, t -> t.month().equals(month));
    }

    public Figure in(Measure measure, Period.Bucket bucket) {
        return sum(measure, t -> bucket.months().contains(t.month()));
    }

    public Figure ofYot(Measure measure, String yot) {
        return sum(measure, t -> yot.equals(t.yot()));
    }

    public Figure ofEstablishment(Measure measure, String establishment) {
        return sum(measure, t -> establishment.equals(t.establishment()));
    }

    /** A consortium's figure in some months; null months: the whole period. */
    Figure of(Measure measure, String consortium, List<YearMonth> months) {
        return sum(measure, t -> consortium.equals(t.consortium()) && (months == null || months.contains(t.month())));
    }

    Set<String> consortia() {
        return names(Tally::consortium);
    }

    Set<String> yots() {
        return names(Tally::yot);
    }

    Set<String> establishments() {
        return names(Tally::establishment);
    }

    /** Journeys on licence at some time in the period (each once). */
    public long onLicence(Predicate<JourneyHistory.Place> where) {
        return licence.stream().filter(s -> where.test(s.place())).map(LicenceSpell::journey).distinct().count();
    }

    /** Breach decisions per 100 journeys on licence in the period; null with nobody on licence. */
    public Double breachesPer100(Predicate<JourneyHistory.Place> where, long breaches) {
        long onLicence = onLicence(where);
        return onLicence == 0 ? null : Math.round(1000.0 * breaches / onLicence) / 10.0;
    }

    public Double breachesPer100() {
        return breachesPer100(p -> true, total(Measure.NON_COMPLIANCE).count("breach"));
    }

    /** Working days from request to decision of the ROTL requests decided, in the middle; null with none. */
    public Double medianWorkingDaysToRotlDecision(Predicate<JourneyHistory.Place> where) {
        List<Integer> days = new ArrayList<>();
        for (RotlDecision d : decisions) {
            if (where.test(d.place())) {
                days.add(workingDaysBetween(d.requested(), d.decided()));
            }
        }
        if (days.isEmpty()) {
            return null;
        }
        days.sort(null);
        int n = days.size();
        return n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
    }

    public long rotlDecisions(Predicate<JourneyHistory.Place> where) {
        return decisions.stream().filter(d -> where.test(d.place())).count();
    }

    /** Working days after {@code from} up to and including {@code to} (0 on the same day). */
    static int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (WorkingDays.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    private Figure sum(Measure measure, Predicate<Tally> where) {
        Map<String, Long> counts = new LinkedHashMap<>(Figure.empty(measure).byOutcome());
        for (Tally t : tallies) {
            if (t.measure() == measure && where.test(t)) {
                counts.merge(t.outcome(), t.count(), Long::sum);
            }
        }
        return new Figure(measure, counts);
    }

    private Set<String> names(java.util.function.Function<Tally, String> name) {
        Set<String> names = new TreeSet<>();
        tallies.stream().map(name).filter(Objects::nonNull).forEach(names::add);
        return names;
    }
}
