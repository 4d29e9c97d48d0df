package uk.org.throughthegate.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What a form shows: what a provider working a referral may read of its case (access/TaskFormView). */
class FormSchemaTest {

    @Test
    void theAccommodationReferralShowsItsFieldsAndTheFactsItsTextNames() throws IOException {
        try (InputStream form = new FileInputStream("forms/propose-accommodation.form")) {
            assertThat(FormSchema.shownVariables(form))
                    .contains("caseReference", "homeYotName", "releaseDate", "accommodationDue", "accommodationType", "proposedAccommodation")
                    .doesNotContain("dateOfBirth", "establishment", "establishmentName", "substanceMisusePathway");
        }
    }

    @Test
    void namesInExpressionsAndNestedGroupsCountTooButPlainTextDoesNot() throws IOException {
        String form = """
                {"components": [
                  {"type": "text", "text": "Dear reader, {{ if licenceEndDate then licenceEndDate else sentenceDate }}"},
                  {"type": "group", "components": [
                    {"type": "textfield", "key": "address", "conditional": {"hide": "=accommodationType = \\"temporary\\""}}
                  ]}
                ]}""";
        assertThat(FormSchema.shownVariables(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8))))
                .contains("licenceEndDate", "sentenceDate", "address", "accommodationType")
                .doesNotContain("Dear", "reader");
    }
}
