package uk.org.throughthegate.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import uk.org.throughthegate.dashboard.DashboardViewer.Viewer;
import uk.org.throughthegate.standards.ConsortiumStandards;
import uk.org.throughthegate.standards.Standards;

/**
 * {@code /dashboard}: how often a consortium's (or a YOT's) deadlines are met, month by month, for
 * its board; the late cases behind each figure by case reference; and the consortium's anonymous
 * evaluation return as CSV or JSON. Logged in as for Cockpit (access/PageAuthentication).
 */
@Controller
class DashboardController {

    /** The measures on the headline tiles, in the order a journey meets them. */
    static final List<Measure> HEADLINE = List.of(Measure.IPM, Measure.ACCOMMODATION_CONFIRMED, Measure.ADDRESS_ON_RELEASE,
            Measure.ETE_ON_RELEASE, Measure.HANDOVER, Measure.RELEASE_DAY_CONTACT, Measure.ROTL_DECIDED,
            Measure.SUPERVISION, Measure.FEEDBACK, Measure.EXIT_PLAN);

    /** The columns of the table per YOT and per establishment. */
    static final List<Measure> BY_PLACE = List.of(Measure.IPM, Measure.ACCOMMODATION_CONFIRMED,
            Measure.ADDRESS_ON_RELEASE, Measure.HANDOVER, Measure.RELEASE_DAY_CONTACT, Measure.SUPERVISION);

    static final List<Measure> COUNTS = List.of(Measure.ENTERED, Measure.RELEASED, Measure.CLOSED, Measure.WITHDRAWN,
            Measure.RETURNED);

    static final List<Measure> NEEDS = List.of(Measure.NEEDS_ACCOMMODATION, Measure.NEEDS_ETE, Measure.NEEDS_HEALTH,
            Measure.NEEDS_SUBSTANCE_MISUSE, Measure.NEEDS_FAMILIES, Measure.NEEDS_FINANCE, Measure.NEEDS_CASE_MANAGEMENT);

    private static final ZoneId ENGLAND_AND_WALES = ZoneId.of("Europe/London");
    private static final int MOST_LATE_CASES = 500;

    private final DashboardViewer viewers;
    private final JourneyHistory history;
    private final PlaceNames names;
    private final ConsortiumStandards standards;

    DashboardController(DashboardViewer viewers, JourneyHistory history, PlaceNames names, ConsortiumStandards standards) {
        this.viewers = viewers;
        this.history = history;
        this.names = names;
        this.standards = standards;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String scope, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String by, Model model) {
        Viewer viewer = viewer();
        Scope chosen = scope == null || scope.isBlank() ? viewer.home() : Scope.parse(scope);
        Period period = Period.parse(from, to, today());
        Period.Grain grain = Period.Grain.parse(by);
        List<Period.Bucket> buckets = period.buckets(grain);
        allowed(viewer, chosen);
        Timeliness figures = figures(chosen, period);

        model.addAttribute("scope", chosen);
        model.addAttribute("scopeName", names.scope(chosen, figures.yots()));
        model.addAttribute("choices", choices(viewer, figures));
        model.addAttribute("period", period);
        model.addAttribute("figures", figures);
        model.addAttribute("headline", HEADLINE.stream().map(m -> new Tile(m, figures.total(m), standard(chosen, m))).toList());
        model.addAttribute("counts", COUNTS);
        model.addAttribute("needs", NEEDS);
        model.addAttribute("byPlace", BY_PLACE);
        model.addAttribute("trends", HEADLINE.stream().map(m -> TrendChart.of(m, figures, grain)).toList());
        model.addAttribute("buckets", buckets);
        model.addAttribute("by", grain.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("chart", new ChartFrame());
        model.addAttribute("yots", figures.yots().stream().map(y -> new Place(y, names.yot(y))).toList());
        model.addAttribute("establishments", figures.establishments().stream()
                .map(e -> new Place(e, names.establishment(e))).toList());
        model.addAttribute("rotlMedian", figures.medianWorkingDaysToRotlDecision(p -> true));
        model.addAttribute("rotlDecisions", figures.rotlDecisions(p -> true));
        model.addAttribute("breachesPer100", figures.breachesPer100());
        model.addAttribute("onLicence", figures.onLicence(p -> true));
        model.addAttribute("overdue", overdue(chosen));
        model.addAttribute("returns", viewer.returns().stream().map(c -> new Place(c, names.consortium(c, figures.yots()))).toList());
        return "dashboard";
    }

    @GetMapping("/dashboard/late")
    String late(@RequestParam(required = false) String scope, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam String measure, Model model) {
        Viewer viewer = viewer();
        Scope chosen = scope == null || scope.isBlank() ? viewer.home() : Scope.parse(scope);
        Period period = Period.parse(from, to, today());
        Measure m = Measure.byId(measure);
        allowed(viewer, chosen);
        List<JourneyHistory.LateCase> late = history.onePage(() -> history.lateCases(history.inView(chosen, period), m, MOST_LATE_CASES));
        model.addAttribute("scope", chosen);
        model.addAttribute("scopeName", names.scope(chosen, late.stream().map(c -> c.place().yot()).toList()));
        model.addAttribute("period", period);
        model.addAttribute("measure", m);
        model.addAttribute("cases", late);
        model.addAttribute("most", MOST_LATE_CASES);
        model.addAttribute("names", names);
        return "dashboard-late";
    }

    @GetMapping(value = "/dashboard/return.csv", produces = "text/csv")
    ResponseEntity<String> returnAsCsv(@RequestParam String consortium, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String by) {
        Period period = Period.parse(from, to, today());
        Period.Grain grain = Period.Grain.parse(by);
        List<EvaluationReturn.Row> rows = evaluationReturn(consortium, period, grain);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation-return-" + consortium + "-"
                        + period.first() + "-to-" + period.last() + (grain == Period.Grain.QUARTER ? "-by-quarter" : "")
                        + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(EvaluationReturnCsv.write(rows));
    }

    @GetMapping(value = "/dashboard/return.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> returnAsJson(@RequestParam String consortium, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String by) {
        Period period = Period.parse(from, to, today());
        Period.Grain grain = Period.Grain.parse(by);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("consortium", consortium);
        answer.put("from", period.first().toString());
        answer.put("to", period.last().toString());
        answer.put("by", grain.name().toLowerCase(java.util.Locale.ROOT));
        answer.put("smallCountsWithheldBelow", Suppression.THRESHOLD);
        answer.put("rows", evaluationReturn(consortium, period, grain));
        return answer;
    }

    /** A wrong scope, period or measure: said plainly, nothing else shown. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> refused(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                .body("The dashboard could not show that: " + e.getMessage() + "\n");
    }

    private List<EvaluationReturn.Row> evaluationReturn(String consortium, Period period, Period.Grain grain) {
        period.buckets(grain);
        Viewer viewer = viewer();
        if (!viewer.mayDownloadReturn(consortium)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "the evaluation return of a consortium is for its project managers and strategic leads");
        }
        Scope scope = Scope.consortium(consortium);
        return EvaluationReturn.of(consortium, figures(scope, period), grain);
    }

    private Timeliness figures(Scope scope, Period period) {
        return history.onePage(() -> {
            JourneyHistory.InView view = history.inView(scope, period);
            return new Timeliness(scope, period, history.tallies(view), history.licenceSpells(view),
                    history.rotlDecisions(view));
        });
    }

    private Viewer viewer() {
        Viewer viewer = viewers.current();
        if (!viewer.seesAnything()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "the dashboard is for managers: project managers, strategic leads and YOT managers");
        }
        return viewer;
    }

    private static void allowed(Viewer viewer, Scope scope) {
        if (!viewer.sees(scope)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your consortium or YOT: " + scope.key());
        }
    }

    private List<Choice> choices(Viewer viewer, Timeliness figures) {
        List<Choice> choices = new ArrayList<>();
        for (Scope s : viewer.choices()) {
            choices.add(new Choice(s.key(), names.scope(s, figures.yots())));
        }
        if (figures.scope().kind() != Scope.Kind.YOT) {
            for (String yot : figures.yots()) {
                Scope s = Scope.yot(yot);
                if (viewer.sees(s) && choices.stream().noneMatch(c -> c.key().equals(s.key()))) {
                    choices.add(new Choice(s.key(), names.yot(yot)));
                }
            }
        }
        return choices;
    }

    private List<OverdueRow> overdue(Scope scope) {
        Map<String, long[]> byTeam = new java.util.TreeMap<>();
        for (JourneyHistory.OverdueCount c : history.overdueNow(scope)) {
            byTeam.computeIfAbsent(c.team(), t -> new long[4])[Math.max(0, Math.min(3, c.rung()))] += c.count();
        }
        return byTeam.entrySet().stream().map(e -> new OverdueRow(names.team(e.getKey()), e.getValue())).toList();
    }

    /** The consortium's own deadline for a measure, in words, where the view is one consortium's. */
    private String standard(Scope scope, Measure measure) {
        Optional<String> consortium = switch (scope.kind()) {
            case ALL -> Optional.empty();
            case CONSORTIUM -> Optional.of(scope.id());
            case YOT -> names.consortiumOfYot(scope.id());
        };
        if (consortium.isEmpty()) {
            return "each consortium's own standard";
        }
        Standards s;
        try {
            s = standards.standardsFor(consortium.get());
        } catch (RuntimeException e) {
            return "the consortium's standard";
        }
        return switch (measure) {
            case IPM -> "within " + s.ipmWorkingDays() + " working days of sentence";
            case ACCOMMODATION_CONFIRMED -> lead(s.accommodationLead()) + " before release";
            case HANDOVER -> s.handoverWorkingDays() + " working days before release";
            case ROTL_DECIDED -> "within " + s.rotlDecisionWorkingDays() + " working days of the request";
            case RELEASE_DAY_CONTACT -> "on the day of release";
            case ADDRESS_ON_RELEASE, ETE_ON_RELEASE -> "where support was needed";
            case SUPERVISION -> "appointments recorded";
            case FEEDBACK -> "at " + s.feedbackMonths().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" and ")) + " months after release";
            case EXIT_PLAN -> "by licence end";
            default -> "";
        };
    }

    private static String lead(java.time.Period p) {
        if (p.getMonths() > 0 && p.getDays() == 0) {
            return p.getMonths() == 1 ? "1 month" : p.getMonths() + " months";
        }
        int days = p.getDays();
        return days % 7 == 0 ? (days / 7 == 1 ? "1 week" : days / 7 + " weeks") : days + " days";
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ENGLAND_AND_WALES).toLocalDate();
    }

    public record Tile(Measure measure, Figure figure, String standard) {
    }

    public record Choice(String key, String name) {
    }

    public record Place(String id, String name) {
    }

    public record OverdueRow(String team, long[] byRung) {
        public long total() {
            return java.util.Arrays.stream(byRung).sum();
        }
    }

    /** The chart's frame, for the template. */
    static final class ChartFrame {
        public int width() { return TrendChart.WIDTH; }
        public int height() { return TrendChart.HEIGHT; }
        public int left() { return TrendChart.LEFT; }
        public int right() { return TrendChart.WIDTH - TrendChart.RIGHT; }
        public int bottom() { return TrendChart.HEIGHT - TrendChart.BOTTOM; }
        public double y(int percent) { return TrendChart.yOf(percent); }
    }
}
