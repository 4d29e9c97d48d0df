package uk.org.throughthegate.notification;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * The outbox's sender of each test context's engine, for {@link Mailbox}, whose helpers are given
 * only the engine: the tests run no sender of their own and send what is waiting when they choose.
 * Several contexts are alive at once, each with its engine.
 */
@Component
class OutboxSenders {

    private static final Map<ProcessEngine, OutboxSender> BY_ENGINE = Collections.synchronizedMap(new WeakHashMap<>());

    OutboxSenders(ProcessEngine engine, OutboxSender sender) {
        BY_ENGINE.put(engine, sender);
    }

    static OutboxSender of(ProcessEngine engine) {
        OutboxSender sender = BY_ENGINE.get(engine);
        if (sender == null) {
            throw new IllegalStateException("no outbox sender for engine " + engine.getName());
        }
        return sender;
    }
}
