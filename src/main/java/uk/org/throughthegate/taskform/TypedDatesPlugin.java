package uk.org.throughthegate.taskform;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every start event with a Camunda Form, in every model a process owner deploys, turns the dates
 * typed into that form into ISO dates (see {@link StartFormDates}). It runs after the model's own
 * start listeners, so a process that checks its input (custody entry) refuses a wrong date in its
 * own words, with every other wrong field; what comes after the start reads ISO dates.
 * Task forms get the same through {@link TaskFormCompletionCheck}.
 */
@Component
class TypedDatesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new StartFormParseListener());
    }

    private static final class StartFormParseListener extends AbstractBpmnParseListener implements BpmnParseListener {

        private final StartFormDates dates = new StartFormDates();

        @Override
        public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
            boolean processStart = activity.getFlowScope() == activity.getProcessDefinition();
            String formKey = startEvent.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey");
            if (processStart && (startEvent.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
                    || formKey != null && formKey.startsWith("camunda-forms:"))) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, dates);
            }
        }
    }
}
