package uk.org.throughthegate.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who hears of a task: every member of its candidate groups, its candidate users and its assignee,
 * each once, and only those with an e-mail address in the engine's identity service.
 */
@Component
class Recipients {

    private final IdentityService identity;

    Recipients(IdentityService identity) {
        this.identity = identity;
    }

    Map<String, Recipient> ofTask(Collection<? extends IdentityLink> links, String assignee) {
        Map<String, Recipient> people = new LinkedHashMap<>();
        for (IdentityLink link : links) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                members(link.getGroupId()).values().forEach(r -> people.putIfAbsent(r.userId(), r));
            } else if (link.getUserId() != null) {
                person(link.getUserId(), people);
            }
        }
        if (assignee != null) {
            person(assignee, people);
        }
        return people;
    }

    Map<String, Recipient> members(String groupId) {
        Map<String, Recipient> people = new LinkedHashMap<>();
        for (User user : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
            if (hasMail(user)) {
                people.put(user.getId(), recipient(user));
            }
        }
        return people;
    }

    private void person(String userId, Map<String, Recipient> people) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user != null && hasMail(user)) {
            people.putIfAbsent(userId, recipient(user));
        }
    }

    private Recipient recipient(User user) {
        return new Recipient(user.getId(), user.getEmail(), MailDeliveryPreference.of(identity, user.getId()));
    }

    private static boolean hasMail(User user) {
        return user.getEmail() != null && !user.getEmail().isBlank();
    }

    record Recipient(String userId, String email, MailDeliveryPreference preference) {
    }
}
