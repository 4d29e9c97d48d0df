package uk.org.throughthegate.taskform;

import org.camunda.bpm.model.bpmn.instance.FlowElement;

/** Whether a model element (user task or start event) shows a Camunda Form, as the model says. */
public final class CamundaForms {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private CamundaForms() {
    }

    public static boolean hasCamundaForm(FlowElement element) {
        if (element == null) {
            return false;
        }
        String formKey = element.getAttributeValueNs(CAMUNDA_NS, "formKey");
        return element.getAttributeValueNs(CAMUNDA_NS, "formRef") != null
                || formKey != null && formKey.startsWith("camunda-forms:");
    }
}
