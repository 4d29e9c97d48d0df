package uk.org.throughthegate.dashboard;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** The evaluation return as CSV: a header, then one line per cell (see the README for each column). */
final class EvaluationReturnCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(EvaluationReturn.Row.class)
            .sortedBy("consortium", "month", "measure", "outcome", "value").withHeader();

    private EvaluationReturnCsv() {
    }

    static String write(List<EvaluationReturn.Row> rows) {
        try {
            return CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the evaluation return could not be written as CSV", e);
        }
    }
}
