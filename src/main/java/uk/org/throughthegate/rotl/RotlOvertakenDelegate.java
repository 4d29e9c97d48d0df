package uk.org.throughthegate.rotl;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the request as overtaken by release". */
@Component("rotlOvertaken")
class RotlOvertakenDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(RotlProcess.STATUS, "overtaken-by-release");
    }
}
