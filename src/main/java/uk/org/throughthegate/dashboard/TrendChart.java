package uk.org.throughthegate.dashboard;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A measure's rate month by month as an inline SVG line (drawn by the page's template, no script or
 * font from anywhere else): 0 to 100 % upwards, the months along, a gap where a month had nothing
 * to count.
 */
public record TrendChart(Measure measure, List<Point> points, List<String> lines, List<Label> months) {

    static final int WIDTH = 360;
    static final int HEIGHT = 140;
    static final int LEFT = 34;
    static final int RIGHT = 20;
    static final int TOP = 10;
    static final int BOTTOM = 24;

    /** A month with a rate: where it is drawn, and what it says when hovered or printed. */
    public record Point(double x, double y, int percent, String title) {
    }

    public record Label(double x, String text) {
    }

    static TrendChart of(Measure measure, Timeliness figures) {
        return of(measure, figures, Period.Grain.MONTH);
    }

    static TrendChart of(Measure measure, Timeliness figures, Period.Grain grain) {
        List<Period.Bucket> months = figures.period().buckets(grain);
        List<Point> points = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            Period.Bucket bucket = months.get(i);
            YearMonth month = bucket.months().get(0);
            double x = x(i, months.size());
            labels.add(new Label(x, grain == Period.Grain.QUARTER ? bucket.name()
                    : month.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK).substring(0, 1)
                            + (month.getMonthValue() == 1 || i == 0 ? " " + month.getYear() % 100 : "")));
            Figure f = figures.in(measure, bucket);
            Integer percent = f.percent();
            if (percent == null) {
                flush(line, lines);
                continue;
            }
            double y = TOP + (HEIGHT - TOP - BOTTOM) * (100 - percent) / 100.0;
            points.add(new Point(x, y, percent, (grain == Period.Grain.QUARTER ? bucket.name()
                    : month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear())
                    + ": " + percent + " % (" + f.met() + " of " + f.rated() + ")"));
            line.append(line.length() == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        flush(line, lines);
        return new TrendChart(measure, points, lines, labels);
    }

    /** Where a percentage sits on the vertical axis. */
    static double yOf(int percent) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (100 - percent) / 100.0;
    }

    private static double x(int i, int n) {
        double span = WIDTH - LEFT - RIGHT;
        return n <= 1 ? LEFT + span / 2 : LEFT + span * i / (n - 1);
    }

    private static void flush(StringBuilder line, List<String> lines) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
