package uk.org.throughthegate.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import uk.org.throughthegate.access.TeamMembership;

/**
 * {@code /mails}: the mails kept when no SMTP server is configured (the demo), for administrators
 * only; they name cases and staff, so nobody else reads them.
 */
@Controller
class KeptMailsPage {

    private final KeptMails kept;
    private final IdentityService identity;

    KeptMailsPage(KeptMails kept, IdentityService identity) {
        this.kept = kept;
        this.identity = identity;
    }

    @GetMapping("/mails")
    String mails(Model model) {
        Authentication who = identity.getCurrentAuthentication();
        if (who == null || who.getGroupIds() == null || !who.getGroupIds().contains(TeamMembership.ADMINS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only administrators read the kept mails");
        }
        model.addAttribute("mails", kept.newest(200));
        return "mails";
    }
}
