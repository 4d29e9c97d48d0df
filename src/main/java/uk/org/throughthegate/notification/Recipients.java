package uk.org.throughthegate.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.database.EngineTableName;

/**
 * Who hears of a task: every member of its candidate groups, its candidate users and its assignee,
 * each once, and only those with an e-mail address in the engine's identity service.
 * <p>
 * With the engine's own user tables, a team's members come with their e-mail address and their mail
 * preference in one statement. A directory's (LDAP) people are not in those tables: the identity
 * service finds the team's members, and their preferences come in one more statement. Until
 * 2026-12-07 each member's preference was one more query: every new task paid it for each member of
 * each team it was offered to.
 */
@Component
class Recipients {

    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final String users;
    private final String memberships;
    private final String userInfo;

    Recipients(IdentityService identity, JdbcTemplate jdbc, ProcessEngineConfiguration configuration) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.users = EngineTableName.of(configuration, "ACT_ID_USER");
        this.memberships = EngineTableName.of(configuration, "ACT_ID_MEMBERSHIP");
        this.userInfo = EngineTableName.of(configuration, "ACT_ID_INFO");
    }

    Map<String, Recipient> ofTask(Collection<? extends IdentityLink> links, String assignee) {
        List<String> teams = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId).filter(g -> g != null).distinct().toList();
        Map<String, Recipient> people = members(teams);
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() == null && link.getUserId() != null) {
                person(link.getUserId()).ifPresent(r -> people.putIfAbsent(r.userId(), r));
            }
        }
        if (assignee != null) {
            person(assignee).ifPresent(r -> people.putIfAbsent(r.userId(), r));
        }
        return people;
    }

    /** The team's members who have an address, by user id. */
    Map<String, Recipient> members(String groupId) {
        return members(List.of(groupId));
    }

    /**
     * The members of these teams who have an address, each once, by user id. With the engine's own
     * tables one statement for all the teams: a task is offered to two teams (YOT and custody), and
     * each cost a statement of its own until 2026-12-07.
     */
    private Map<String, Recipient> members(List<String> groupIds) {
        Map<String, Recipient> people = new LinkedHashMap<>();
        if (groupIds.isEmpty()) {
            return people;
        }
        if (inEngineTables()) {
            List<Object> args = new ArrayList<>();
            args.add(MailDeliveryPreference.USER_INFO_KEY);
            args.addAll(groupIds);
            jdbc.query(withPreference("join " + memberships + " M on M.USER_ID_ = U.ID_ where M.GROUP_ID_ in ("
                    + Placeholders.of(groupIds.size()) + ")"),
                    (RowCallbackHandler) row -> add(people, row.getString(1), row.getString(2), row.getString(3)),
                    args.toArray());
            return people;
        }
        List<User> users = new ArrayList<>();
        for (String groupId : groupIds) {
            users.addAll(identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
        }
        Map<String, String> preferences = storedPreferences(users.stream().map(User::getId).distinct().toList());
        for (User user : users) {
            add(people, user.getId(), user.getEmail(), preferences.get(user.getId()));
        }
        return people;
    }

    /**
     * The stored preferences of people the identity service found (a directory's), in one statement:
     * a preference is kept in the engine's user info whichever provider holds the people.
     */
    private Map<String, String> storedPreferences(List<String> userIds) {
        Map<String, String> preferences = new HashMap<>();
        if (!userIds.isEmpty()) {
            List<Object> args = new ArrayList<>();
            args.add(MailDeliveryPreference.USER_INFO_KEY);
            args.addAll(userIds);
            jdbc.query("select USER_ID_, VALUE_ from " + userInfo + " where KEY_ = ? and PARENT_ID_ is null"
                    + " and USER_ID_ in (" + Placeholders.of(userIds.size()) + ")",
                    (RowCallbackHandler) row -> preferences.put(row.getString(1), row.getString(2)), args.toArray());
        }
        return preferences;
    }

    private Optional<Recipient> person(String userId) {
        Map<String, Recipient> found = new LinkedHashMap<>();
        if (inEngineTables()) {
            jdbc.query(withPreference("where U.ID_ = ?"),
                    (RowCallbackHandler) row -> add(found, row.getString(1), row.getString(2), row.getString(3)),
                    MailDeliveryPreference.USER_INFO_KEY, userId);
        } else {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user != null) {
                add(found, user.getId(), user.getEmail(), identity.getUserInfo(userId, MailDeliveryPreference.USER_INFO_KEY));
            }
        }
        return found.values().stream().findFirst();
    }

    /**
     * People with their address and stored preference, as the identity service keeps them: a user's
     * own info is the row of that key without a parent.
     */
    private String withPreference(String condition) {
        return "select U.ID_, U.EMAIL_, I.VALUE_ from " + users + " U"
                + " left join " + userInfo + " I on I.USER_ID_ = U.ID_ and I.KEY_ = ? and I.PARENT_ID_ is null "
                + condition + " order by U.ID_";
    }

    /** The engine's own user tables, which a directory's read-only provider does not use. */
    private boolean inEngineTables() {
        return !identity.isReadOnly();
    }

    private static void add(Map<String, Recipient> people, String userId, String email, String storedPreference) {
        if (email != null && !email.isBlank()) {
            people.putIfAbsent(userId, new Recipient(userId, email, MailDeliveryPreference.ofStored(storedPreference)));
        }
    }

    record Recipient(String userId, String email, MailDeliveryPreference preference) {
    }
}
