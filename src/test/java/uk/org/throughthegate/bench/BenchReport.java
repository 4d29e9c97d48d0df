package uk.org.throughthegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's one table: a row per figure, with the target it is held to. */
final class BenchReport {

    private final List<String[]> rows = new ArrayList<>();
    private final String heading;

    BenchReport(String heading) {
        this.heading = heading;
    }

    void add(String figure, Object value, String target) {
        rows.add(new String[] {figure, String.valueOf(value), target});
    }

    String markdown() {
        StringBuilder out = new StringBuilder(heading).append("\n\n| figure | measured | target |\n| --- | --- | --- |\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
