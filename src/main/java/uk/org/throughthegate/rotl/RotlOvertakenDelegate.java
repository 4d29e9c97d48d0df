package uk.org.throughthegate.rotl;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the request as overtaken by release" (or by the journey's withdrawal, when that closed it). */
@Component("rotlOvertaken")
class RotlOvertakenDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        if (!"journey-withdrawn".equals(execution.getVariable(RotlProcess.STATUS))) {
            execution.setVariable(RotlProcess.STATUS, "overtaken-by-release");
        }
    }
}
