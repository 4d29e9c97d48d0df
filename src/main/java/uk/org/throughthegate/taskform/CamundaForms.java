package uk.org.throughthegate.taskform;

import java.util.List;

import org.camunda.bpm.model.bpmn.instance.FlowElement;

/** Whether a model element (user task or start event) shows a Camunda Form, as the model says. */
public final class CamundaForms {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /**
     * Camunda Modeler writes {@code camunda:formRef}; Operaton's Modeler and model API write
     * {@code operaton:formRef}, and the Operaton engine reads both. Without the second, a form on the
     * Operaton line drawn by its own tools was never checked.
     */
    private static final List<String> EXTENSION_NAMESPACES = List.of(CAMUNDA_NS, "http://operaton.org/schema/1.0/bpmn");

    /** How a form key names a Camunda Form, in either engine line's spelling. */
    static final List<String> FORM_KEY_PREFIXES = List.of("camunda-forms:", "operaton-forms:");

    private CamundaForms() {
    }

    public static boolean hasCamundaForm(FlowElement element) {
        if (element == null) {
            return false;
        }
        for (String namespace : EXTENSION_NAMESPACES) {
            String formKey = element.getAttributeValueNs(namespace, "formKey");
            if (element.getAttributeValueNs(namespace, "formRef") != null
                    || formKey != null && FORM_KEY_PREFIXES.stream().anyMatch(formKey::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
