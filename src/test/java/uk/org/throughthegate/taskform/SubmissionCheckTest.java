package uk.org.throughthegate.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.throughthegate.refusal.InputRefused.FieldError;

class SubmissionCheckTest {

    static List<String> messages(List<FieldError> problems) {
        return problems.stream().map(FieldError::message).toList();
    }

    static List<FormField> form(String file) throws Exception {
        return FormSchema.fields(new ByteArrayInputStream(Files.readString(Path.of("forms", file)).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void requiredFieldsChoicesAndTickedCheckboxesAreChecked() throws Exception {
        var fields = form("confirm-handover-received.form");
        assertThat(messages(SubmissionCheck.problems(fields, Map.of("handoverReceived", false))))
                .containsExactly("'The handover pack has been received' (handoverReceived) is required");
        assertThat(messages(SubmissionCheck.problems(fields, Map.of("handoverReceived", true)))).isEmpty();
    }

    @Test
    void aValueOutsideTheFormsChoicesIsRefused() throws Exception {
        var problems = messages(SubmissionCheck.problems(form("record-supervision-appointment.form"),
                Map.of("appointmentOutcome", "late")));
        assertThat(problems).containsExactly("'Appointment' (appointmentOutcome) cannot be 'late'; it is one of attended, missed");
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws Exception {
        assertThat(messages(SubmissionCheck.problems(form("arrange-finance-and-id.form"), Map.of()))).isEmpty();
    }

    @Test
    void aPatternOnTheFormIsApplied() throws Exception {
        var fields = form("custody-entry.form");
        assertThat(messages(SubmissionCheck.problems(fields, Map.of("caseReference", "John Smith"))))
                .contains("'Case reference' (caseReference) 'John Smith' is not in the expected form");
    }
}
