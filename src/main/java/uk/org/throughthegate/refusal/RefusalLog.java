package uk.org.throughthegate.refusal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.model.CaseReference;

/**
 * One WARN line for each refused input, wherever it came in (Tasklist, the engine REST API, /api,
 * a job): what was refused, the case reference and the names of the wrong fields, never the values
 * typed (a name, a date of birth) and never a stack trace. The case reference is left out when it
 * is not one (it could be a name typed in the wrong box). In JSON logs (profile json-logs) the same
 * facts are fields of their own: caseReference, refusedFields, refusalCode.
 */
@Component
public class RefusalLog extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    /** Logs the refusal unless it was logged already; refusals reach several layers on their way out. */
    public static void warn(InputRefused refused) {
        if (!refused.firstToLog()) {
            return;
        }
        String reference = CaseReference.isWellFormed(refused.caseReference()) ? refused.caseReference() : "(none given)";
        List<String> fields = refused.errors().stream().map(InputRefused.FieldError::field).distinct().toList();
        LOG.atWarn().addKeyValue("caseReference", reference).addKeyValue("refusedFields", String.join(",", fields))
                .addKeyValue("refusalCode", refused.getCode())
                .log("Refused: {} for case {}, wrong fields {}", refused.what(), reference, fields);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Every call of a service (TaskService, FormService, RuntimeService, ...) runs through this chain.
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new LogRefusals());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** Outside the transaction: a refusal is logged once its command has been rolled back. */
    static class LogRefusals extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                InputRefused refused = ClientMistake.refusalIn(e);
                if (refused != null) {
                    warn(refused);
                }
                throw e;
            }
        }
    }
}
