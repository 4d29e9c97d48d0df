package uk.org.throughthegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.LocalDate;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every step a measure counts is in the model deployed from {@code bpmn/}: a process owner who
 * renames one would otherwise see its figure fall silently to nothing.
 */
class MeasuresTest {

    @ParameterizedTest
    @EnumSource(Measure.class)
    void theStepItCountsIsInTheModel(Measure measure) {
        if (measure.source.size() < 2 || measure == Measure.ENTERED) {
            return;
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/" + measure.source.get(0) + ".bpmn"));
        Object step = model.getModelElementById(measure.source.get(1));
        assertThat(step).as("%s in %s", measure.source.get(1),
                measure.source.get(0)).isNotNull();
    }

    @Test
    void aPeriodIsWholeMonthsAndSaysWhatIsWrong() {
        LocalDate today = LocalDate.of(2027, 5, 10);
        assertThat(Period.parse(null, null, today)).isEqualTo(new Period(java.time.YearMonth.of(2026, 6),
                java.time.YearMonth.of(2027, 5)));
        assertThat(Period.parse("2027-01", "2027-03", today).months()).hasSize(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse("2020-01", "2027-03", today))
                .hasMessageContaining("at most 36 months");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scope.parse("region:north"))
                .hasMessageContaining("is not a consortium");
    }
}
