package uk.org.throughthegate.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.parsing.XPathParser;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A user's task lists and counts, the case columns beside them, and the journeys a manager counts
 * in Cockpit, asked without comparing every row with every grant.
 * <p>
 * The engine decides which tasks (or process instances) a user may read by joining each row to the
 * user's groups' grants on {@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}. No index serves that
 * condition, so the database compares every row with every grant; as each case carries grants, a
 * team's count grows with the square of the caseload (4.5 s at 13,826 journeys). The statements
 * here ({@code grants-first-queries.xml}) ask for the rows the grants name instead: the user's
 * grants are read through the group index, their rows found by primary key.
 * <p>
 * Everything else stays the engine's: the from/where part of each query is copied from the
 * engine's own mapping at start-up, with only the authorization join taken out and its condition
 * swapped, so every filter, sort and variable condition Tasklist and Cockpit use works as before.
 * If a future engine's mapping no longer has the two places this change expects, the engine's
 * statements are left alone and start-up says so ({@link #replaced()} names what was replaced; a
 * test checks it).
 */
@Component
class GrantsFirstQueries extends AbstractProcessEnginePlugin {

    static final String OURS = "uk.org.throughthegate.access.GrantsFirstQueries";
    private static final String AUTH = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
    private static final String MAPPING = "uk/org/throughthegate/access/grants-first-queries.xml";
    /** The variable our task list's statement ends with, set by {@link #pageLimit}. */
    static final String PAGE_LIMIT = "ttgTaskPageLimit";
    /** Our statement that counts a team's tasks from its links and grants ({@link TeamTaskCounts}). */
    static final String TEAM_COUNT = OURS + ".selectTeamTaskCount";
    /** Our statement that counts every task a user may read from the grants ({@link GrantedTaskCounts}). */
    static final String GRANTED_COUNT = OURS + ".selectGrantedTaskCount";
    private static final String BOUND_PAGE_LIMIT = "LIMIT #{maxResults} OFFSET #{firstResult}";

    /** One engine query: its criteria fragment, the authorization condition in it, its statements. */
    record Query(String name, String namespace, String criteria, String condition, List<String> statements) {

        /** The engine's full ids of the statements, as interceptors see them. */
        Set<String> statementIds() {
            return Set.copyOf(statements.stream().map(statement -> namespace + "." + statement).toList());
        }
    }

    static final List<Query> QUERIES = List.of(
            new Query("tasks", "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity",
                    "selectTaskByQueryCriteriaSql", "contextualAuthorizationCheck",
                    List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria")),
            new Query("processInstances", "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity",
                    "selectProcessInstanceByQueryCriteriaSql", "queryAuthorizationCheck",
                    List.of("selectProcessInstanceByQueryCriteria", "selectProcessInstanceCountByQueryCriteria")),
            // Tasklist's list columns (case reference, release date) are a variable query per page
            new Query("variables", "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity",
                    "selectVariableInstanceByQueryCriteriaSql", "contextualAuthorizationCheck",
                    List.of("selectVariableInstanceByQueryCriteria", "selectVariableInstanceCountByQueryCriteria")));

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GrantsFirstQueries.class);

    private final boolean enabled;
    private final Set<String> replaced = new HashSet<>();

    /** @param enabled false keeps the engine's own statements (to compare the two, or if ours ever misbehaves) */
    GrantsFirstQueries(@Value("${ttg.access.queries-by-grants:true}") boolean enabled) {
        this.enabled = enabled;
    }

    /** The names of the queries replaced ("tasks", "processInstances", "variables"). */
    Set<String> replaced() {
        return Set.copyOf(replaced);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            LOG.info("ttg.access.queries-by-grants is false: task and process-instance queries are the engine's own");
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        List<Query> adapted = new ArrayList<>();
        for (Query query : QUERIES) {
            XNode engineCriteria = mybatis.getSqlFragments().get(query.namespace() + "." + query.criteria());
            Node criteria = engineCriteria == null ? null : engineCriteria.getNode().cloneNode(true);
            if (criteria == null || !withoutAuthorizationJoin(criteria, query)
                    || (query.name().equals("tasks") && !candidatesAsExists(criteria))) {
                LOG.warn("The engine's {} query is not the one this service adapts (its mapping changed?): "
                        + "it stays the engine's own, which slows down as cases grow", query.name());
                continue;
            }
            // the copy lives in our namespace: the engine's fragments it names by short id stay the engine's
            for (Element include : includes(criteria)) {
                if (!include.getAttribute("refid").contains(".")) {
                    include.setAttribute("refid", query.namespace() + "." + include.getAttribute("refid"));
                }
            }
            mybatis.getSqlFragments().put(OURS + "." + query.name() + "Criteria",
                    new XNode(new XPathParser(criteria.getOwnerDocument()), criteria, mybatis.getVariables()));
            adapted.add(query);
        }
        if (adapted.isEmpty()) {
            return;
        }
        mybatis.getVariables().setProperty(PAGE_LIMIT, pageLimit(mybatis.getVariables().getProperty("limitAfter")));
        try (InputStream mapping = getClass().getClassLoader().getResourceAsStream(MAPPING)) {
            new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Query query : adapted) {
            for (String statement : query.statements()) {
                // Our ids differ from the engine's: the engine asks by short name, which must stay unambiguous.
                MappedStatement ours = mybatis.getMappedStatement(OURS + ".grantsFirst"
                        + Character.toUpperCase(statement.charAt(0)) + statement.substring(1));
                EngineStatements.replace(mybatis, query.namespace() + "." + statement, ours.getSqlSource(), MAPPING);
            }
            replaced.add(query.name());
        }
        Optional<Query> tasks = adapted.stream().filter(query -> query.name().equals("tasks")).findFirst();
        tasks.ifPresent(query ->
                mybatis.addInterceptor(new TaskGrantsBeyondRows(query.statementIds(), OURS + ".selectTaskGrantsBeyondRows")));
        if ("postgres".equals(configuration.getDatabaseType())) {
            Set<String> planOnce = new HashSet<>();
            adapted.forEach(query -> planOnce.addAll(query.statementIds()));
            planOnce.add(TEAM_COUNT);
            planOnce.add(GRANTED_COUNT);
            mybatis.addInterceptor(new PlannedOncePerConnection(planOnce));
        }
        // added last, so that their own statements pass through the interceptors above
        tasks.ifPresent(query -> {
            String engineCount = query.namespace() + ".selectTaskCountByQueryCriteria";
            mybatis.addInterceptor(new TeamTaskCounts(engineCount, TEAM_COUNT));
            mybatis.addInterceptor(new GrantedTaskCounts(engineCount, GRANTED_COUNT));
        });
    }

    /**
     * How a page of tasks is limited: with its size and offset written into the statement
     * ({@code LIMIT 15 OFFSET 0}) where the engine's limit is PostgreSQL's and H2's
     * {@code LIMIT #{maxResults} OFFSET #{firstResult}}; any other database keeps the engine's.
     * A statement planned once for any page (see {@link PlannedOncePerConnection}) cannot know the
     * page's size: PostgreSQL then plans for a tenth of the rows, and collected and sorted all of a
     * team's tasks (3,470 at 100,000 journeys, 31 ms) where a 15-row page walks the team's tasks in
     * due-date order and stops at the 15th (10-17 ms, with {@link #probesGrants}). The two numbers
     * are ints, so writing them in is safe; each page size gets its own plan, made once.
     */
    static String pageLimit(String enginesLimitAfter) {
        return BOUND_PAGE_LIMIT.equals(enginesLimitAfter == null ? null : enginesLimitAfter.trim())
                ? "LIMIT ${maxResults} OFFSET ${firstResult}"
                : enginesLimitAfter;
    }

    /**
     * Takes the authorization join out of a copy of the engine's fragment and points its
     * authorization condition at ours; false if either is not where it was in 7.24.
     */
    static boolean withoutAuthorizationJoin(Node criteria, Query query) {
        Element join = null;
        Element condition = null;
        for (Element include : includes(criteria)) {
            String refid = include.getAttribute("refid");
            if (refid.equals(AUTH + "authCheckJoinWithoutOnClause")) {
                join = include;
            } else if (refid.equals(AUTH + query.condition())) {
                condition = include;
            }
        }
        if (join == null || condition == null || !(join.getParentNode() instanceof Element joinBlock)
                || !"if".equals(joinBlock.getTagName()) || !joinBlock.getTextContent().contains("AUTH ON")) {
            return false;
        }
        // The <if> holds the join and its ON clause and nothing else.
        joinBlock.getParentNode().removeChild(joinBlock);
        condition.setAttribute("refid", OURS + "." + query.name() + "Condition");
        return true;
    }

    /**
     * A team's list: the engine joins every task to its identity links and must then ask
     * {@code select distinct}, which makes the database collect and sort all of the team's tasks
     * before it can return the 15 soonest due. Asked as {@code exists (a candidate link of the
     * team)}, no row is repeated, and the database walks the tasks in due-date order through an
     * index and stops at the 15th (see {@link #needsDistinct}). The join stays only for the
     * involved-user criterion, which needs it. False if the fragment is not as in 7.24.
     */
    static boolean candidatesAsExists(Node criteria) {
        Element linkJoin = null;
        Element candidates = null;
        for (Element element : elements(criteria)) {
            if ("if".equals(element.getTagName()) && "I_JOIN".equals(element.getAttribute("test").trim())
                    && element.getTextContent().contains("ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_")) {
                linkJoin = element;
            } else if ("trim".equals(element.getTagName()) && element.getParentNode() instanceof Element parent
                    && parent.getAttribute("test").startsWith("query.candidateUser != null || query.candidateGroups != null")) {
                candidates = element;
            }
        }
        Node type = candidates == null ? null : textContaining(candidates, "and I.TYPE_ = 'candidate'");
        if (linkJoin == null || type == null) {
            return false;
        }
        linkJoin.setAttribute("test", "@" + GrantsFirstQueries.class.getName() + "@joinsLinks(_parameter)");
        type.setTextContent(" and exists (select 1 from ${prefix}ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_"
                + " and I.TYPE_ = 'candidate' ");
        candidates.appendChild(candidates.getOwnerDocument().createTextNode(" ) "));
        return true;
    }

    /**
     * Whether a process-instance query names its few rows (a business key, ids, a parent or child
     * instance), so that probing each row's grants beats collecting every instance the user's
     * grants name: at 100,000 journeys the list form read and hashed a team's 3,474 grants to find
     * one case (67 ms). Not for "or" queries, whose other branches may name many rows.
     */
    public static boolean namesFewInstances(Object parameter) {
        if (!(parameter instanceof ProcessInstanceQueryImpl query) || query.getQueries().size() > 1) {
            return false;
        }
        return query.getBusinessKey() != null || query.getProcessInstanceId() != null
                || (query.getProcessInstanceIds() != null && !query.getProcessInstanceIds().isEmpty())
                || query.getSuperProcessInstanceId() != null || query.getSubProcessInstanceId() != null;
    }

    /**
     * Whether a variable query names the few rows it reads (a variable's id, or the instances,
     * executions, tasks, activity instances or scopes they belong to), so that probing each row's
     * grants beats collecting every instance and task the user's grants name. Tasklist asks the
     * columns of a page of tasks so (their scopes): the list form read and hashed a team's 6,931
     * grants at 100,000 journeys to keep 30 variables.
     */
    public static boolean namesFewVariables(Object parameter) {
        return parameter instanceof VariableInstanceQueryImpl query
                && (query.getVariableId() != null || names(query.getVariableScopeIds())
                || names(query.getProcessInstanceIds()) || names(query.getExecutionIds()) || names(query.getTaskIds())
                || names(query.getActivityInstanceIds()));
    }

    private static boolean names(String[] ids) {
        return ids != null && ids.length > 0;
    }

    /**
     * Whether a task query is one page of a team's (or a person's) tasks, whose grants are better
     * probed per task than collected: the database can then walk the named team's tasks in the
     * page's order (due date, through its index) and stop when the page is full. Collecting every
     * task the user's grants name, as a count or an unnamed list must, read and hashed all of a
     * team's grants (3,470 at 100,000 journeys) before the first row of a 15-row page.
     */
    public static boolean probesGrants(Object parameter) {
        return parameter instanceof TaskQueryImpl query && query.getMaxResults() != Integer.MAX_VALUE
                && namesTeamOrPerson(query);
    }

    /**
     * Whether a task query (not an "or" query) names a team or a person (candidate group or
     * groups, candidate user, assignee): the tasks it can return are then found through that name's
     * index, whatever the user's grants.
     */
    static boolean namesTeamOrPerson(TaskQueryImpl query) {
        return query.getQueries().size() <= 1
                && (query.getCandidateGroup() != null || query.getCandidateUser() != null
                || (query.getCandidateGroupsInternal() != null && !query.getCandidateGroupsInternal().isEmpty())
                || query.getAssignee() != null);
    }

    /** Whether a task query still joins identity links: only for "tasks the user is involved in". */
    public static boolean joinsLinks(Object parameter) {
        return parameter instanceof TaskQueryImpl query
                && query.getQueries().stream().anyMatch(q -> q != null && q.getInvolvedUser() != null);
    }

    /**
     * Whether a task query can return a row twice and must ask {@code distinct}: when it joins
     * identity links, or sorts by a variable (a left join that may match more than once).
     */
    public static boolean needsDistinct(Object parameter) {
        return !(parameter instanceof TaskQueryImpl query) || joinsLinks(query)
                || query.getOrderingProperties().stream().anyMatch(p -> p.getRelation() != null);
    }

    private static Node textContaining(Element element, String text) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().trim().equals(text)) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> elements(Node node) {
        List<Element> found = new ArrayList<>();
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                found.add(element);
                found.addAll(elements(element));
            }
        }
        return found;
    }

    private static List<Element> includes(Node node) {
        return elements(node).stream().filter(e -> "include".equals(e.getTagName())).toList();
    }
}
