package uk.org.throughthegate.refusal;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The engine logs every exception that ends a command at ERROR ("ENGINE-16004 Exception while
 * closing command context"), except BadUserRequestException. A refusal thrown by a task listener
 * reaches it wrapped ("ENGINE-03051 ... TaskListener"), so a person's wrong answer in Tasklist
 * would page the operators and put the typed values in the log. Such events are dropped: the
 * refusal is answered to the person (400), and the REST layer records it at DEBUG. The same for
 * an id that does not exist ("Cannot find task with id ..."), answered 404.
 */
@Component
class RefusalsAreNotErrors extends TurboFilter {

    private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback && !logback.getTurboFilterList().contains(this)) {
            logback.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null || !logger.getName().startsWith(ENGINE_CONTEXT)) {
            return FilterReply.NEUTRAL;
        }
        if (ClientMistake.isIn(t)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object p : params) {
                if (p instanceof Throwable thrown && ClientMistake.isIn(thrown)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }
}
