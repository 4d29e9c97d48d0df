package uk.org.throughthegate.notification;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own mail setting: {@code {"delivery": "immediate"}} (a mail for each new task, the
 * default) or {@code "digest"} (only the daily digest). Only ever the caller's own setting.
 */
@RestController
@RequestMapping("/api/me/mail-delivery")
class MailPreferenceController {

    private final IdentityService identity;

    MailPreferenceController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping
    Map<String, String> get() {
        String user = caller();
        return Map.of("userId", user, "delivery", MailDeliveryPreference.of(identity, user).wire());
    }

    @PutMapping
    Map<String, String> set(@RequestBody Map<String, Object> body) {
        String user = caller();
        Object value = body.get("delivery");
        if (value == null) {
            throw new IllegalArgumentException("give \"delivery\": \"immediate\" or \"digest\"");
        }
        MailDeliveryPreference preference = MailDeliveryPreference.parse(value.toString());
        preference.saveFor(identity, user);
        return Map.of("userId", user, "delivery", preference.wire());
    }

    private String caller() {
        Authentication who = identity.getCurrentAuthentication();
        if (who == null) {
            throw new IllegalStateException("no authenticated user: /api is behind HTTP Basic authentication");
        }
        return who.getUserId();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }
}
