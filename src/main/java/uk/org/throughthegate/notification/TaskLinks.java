package uk.org.throughthegate.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a mail says about a task: the direct link into Tasklist (an id, never a name, in the URL)
 * and its due date as a person reads it, in England and Wales time.
 */
@Component
class TaskLinks {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private volatile String publicUrl;
    private final boolean configured;
    private final ZoneId zone;

    /** @param publicUrl where people reach the service; empty: this machine, on the port it listens on */
    TaskLinks(@Value("${ttg.public-url:}") String publicUrl, ZoneId caseTimeZone) {
        this.configured = !publicUrl.isBlank();
        this.publicUrl = !configured ? "http://localhost:8080"
                : publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.zone = caseTimeZone;
    }

    @EventListener
    void listening(WebServerInitializedEvent started) {
        // the management server (Actuator's own port) has a namespace; people use the main one
        if (!configured && started.getApplicationContext().getServerNamespace() == null) {
            publicUrl = "http://localhost:" + started.getWebServer().getPort();
        }
    }

    String task(String taskId) {
        return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    String tasklist() {
        return publicUrl + "/camunda/app/tasklist/default/";
    }

    /** What every mail about one task shows: its name, case, due date and link. */
    Map<String, Object> aboutTask(String taskId, String taskName, String caseReference, Date due) {
        Map<String, Object> model = new HashMap<>();
        model.put("taskName", taskName);
        model.put("caseReference", caseReference);
        model.put("due", due(due));
        model.put("link", task(taskId));
        return model;
    }

    String due(Date due) {
        return due == null ? null : DUE.format(due.toInstant().atZone(zone));
    }
}
