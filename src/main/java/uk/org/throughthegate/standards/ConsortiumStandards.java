package uk.org.throughthegate.standards;

import java.time.Period;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;

/**
 * Reads the decision tables a process owner edits: which consortium a YOT belongs to, each
 * consortium's standards, and the secure establishments. Always the latest deployed version, so
 * a changed table applies to every deadline computed after it is deployed.
 */
public class ConsortiumStandards implements ReferenceData {

    public static final String HOME_YOT_DECISION = "home-yot-consortium";
    public static final String STANDARDS_DECISION = "consortium-standards";
    public static final String ESTABLISHMENT_DECISION = "secure-establishment";
    public static final String ROTL_PURPOSE_DECISION = "rotl-purpose";
    public static final String PLACEMENT_DISTANCE_DECISION = "placement-distance";
    public static final String ENHANCED_OFFER_DECISION = "enhanced-offer";
    public static final String ACCESS_WINDOW_DECISION = "establishment-access-window";
    /** A placement the distance table has no row for. */
    public static final String DISTANCE_UNKNOWN = "unknown";

    private final LatestDecisionTables tables;

    ConsortiumStandards(LatestDecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public Optional<HomeYot> homeYot(String yot) {
        return single(HOME_YOT_DECISION, "homeYot", yot).map(r -> new HomeYot(yot,
                r.getEntry("yotName"), r.getEntry("consortium"), r.getEntry("consortiumName")));
    }

    @Override
    public Optional<Establishment> establishment(String id) {
        return single(ESTABLISHMENT_DECISION, "establishment", id).map(r -> new Establishment(id,
                r.getEntry("establishmentName"), r.getEntry("establishmentType")));
    }

    @Override
    public Optional<RotlPurpose> rotlPurpose(String id) {
        return single(ROTL_PURPOSE_DECISION, "purpose", id).map(r -> new RotlPurpose(id, r.getEntry("purposeName"),
                providerTeam(r.getEntryMap())));
    }

    /** When community agencies may see a child in the establishment on that day (none: no access that day). */
    public Optional<AccessWindow> accessWindow(String establishment, java.time.DayOfWeek day) {
        var row = tables.evaluate(ACCESS_WINDOW_DECISION, Variables.createVariables()
                .putValue("establishment", establishment).putValue("day", day.name())).getFirstResult();
        if (row == null || row.getEntryMap().get("windowStart") == null) {
            return Optional.empty();
        }
        return Optional.of(new AccessWindow(java.time.LocalTime.parse(row.getEntryMap().get("windowStart").toString()),
                java.time.LocalTime.parse(row.getEntryMap().get("windowEnd").toString())));
    }

    public record AccessWindow(java.time.LocalTime start, java.time.LocalTime end) {

        public boolean admits(java.time.LocalTime time) {
            return !time.isBefore(start) && !time.isAfter(end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** A voluntary service the consortium offers, with the provider team that runs it. */
    public Optional<OfferedService> enhancedOffer(String consortium, String service) {
        var row = tables.evaluate(ENHANCED_OFFER_DECISION, Variables.createVariables()
                .putValue("consortium", consortium).putValue("service", service)).getFirstResult();
        return row == null ? Optional.empty() : Optional.of(new OfferedService(service,
                String.valueOf(row.getEntryMap().get("serviceName")), String.valueOf(row.getEntryMap().get("providerTeam"))));
    }

    public record OfferedService(String id, String name, String providerTeam) {
    }

    /** How far from home a child is placed: a band from the home YOT's consortium to the establishment. */
    public String placementDistance(String consortium, String establishment) {
        var result = tables.evaluate(PLACEMENT_DISTANCE_DECISION, Variables.createVariables()
                .putValue("consortium", consortium).putValue("establishment", establishment));
        Object band = result.getFirstResult() == null ? null : result.getFirstResult().getEntryMap().get("placementDistance");
        return band == null ? DISTANCE_UNKNOWN : band.toString();
    }

    public Standards standardsFor(String consortium) {
        DmnDecisionResultEntries r = row(consortium);
        return new Standards(
                number(r, "ipmWorkingDays"),
                period(r, "accommodationLead"),
                Boolean.TRUE.equals(r.getEntry("temporaryAccommodationAccepted")),
                number(r, "handoverWorkingDays"),
                period(r, "reviewInterval"),
                number(r, "preReleaseReviewWorkingDays"),
                number(r, "taskNoticeWorkingDays"),
                number(r, "rotlDecisionWorkingDays"),
                number(r, "supervisionIntensiveWeeks"),
                period(r, "supervisionIntensiveInterval"),
                period(r, "supervisionInterval"),
                Standards.numbers(r.getEntry("exitCheckInWeeks")),
                Standards.numbers(r.getEntry("feedbackMonths")),
                number(r, "homelessnessAssessmentWeeks"),
                number(r, "firstReviewAfterReleaseWorkingDays"),
                number(r, "custodyContactIntervalDays"));
    }

    /** When the people of a consortium are reminded of a task, and told of it once it is overdue. */
    public EscalationStandards escalationFor(String consortium) {
        DmnDecisionResultEntries r = row(consortium);
        return new EscalationStandards(
                number(r, "reminderWorkingDays"),
                number(r, "yotManagerAfterWorkingDays"),
                number(r, "projectManagerAfterWorkingDays"),
                number(r, "strategicLeadAfterWorkingDays"));
    }

    /** When a child nearing 18 is planned for and handed over to adult Probation. */
    public TransitionStandards transitionFor(String consortium) {
        DmnDecisionResultEntries r = row(consortium);
        return new TransitionStandards(number(r, "transitionPlanWorkingDays"), number(r, "probationHandoverWorkingDays"));
    }

    private DmnDecisionResultEntries row(String consortium) {
        return single(STANDARDS_DECISION, "consortium", consortium).orElseThrow(() ->
                new IllegalStateException("the consortium standards table has no row for '" + consortium
                        + "' and no default row"));
    }

    private Optional<DmnDecisionResultEntries> single(String decision, String input, Object value) {
        var result = tables.evaluate(decision, Variables.createVariables().putValue(input, value));
        return Optional.ofNullable(result.getFirstResult());
    }

    private static int number(DmnDecisionResultEntries r, String name) {
        Object value = r.getEntry(name);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("consortium standard '" + name + "' is not a number: " + value);
        }
        return n.intValue();
    }

    private static Period period(DmnDecisionResultEntries r, String name) {
        Object value = r.getEntry(name);
        try {
            return Period.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new IllegalStateException("consortium standard '" + name + "' is not an ISO period such as P2W: "
                    + value, e);
        }
    }

    public record HomeYot(String id, String name, String consortium, String consortiumName) {
    }

    /** A ROTL purpose; providerTeam is the provider team that confirms the session, or null. */
    public record RotlPurpose(String id, String name, String providerTeam) {
    }

    public record Establishment(String id, String name, String type) {
    }

    /** A purpose with no provider (a blank cell) has no entry: getEntry would throw. */
    private static String providerTeam(Map<String, Object> entries) {
        return entries.get("providerTeam") instanceof String team ? team : null;
    }
}
