package uk.org.throughthegate.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.parsing.XPathParser;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A team user's task list and count, asked without comparing every task with every grant.
 * <p>
 * The engine decides which tasks a user may read by joining each task to the user's groups' grants
 * on {@code AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')}. No index serves that condition, so the
 * database compares every task with every grant; as each open task carries a grant per candidate
 * group, a team's count grows with the square of the caseload (4.5 s at 13,826 journeys). The
 * statements here ({@code authorized-tasks.xml}) ask for the tasks the grants name instead: the
 * user's grants are read through the group index, their tasks found by primary key.
 * <p>
 * Everything else stays the engine's: the from/where part of its task query is copied from the
 * engine's own mapping at start-up, with only the authorization join taken out and its condition
 * swapped, so every filter, sort and variable condition Tasklist uses works as before. If a future
 * engine's mapping no longer has the two places this change expects, the engine's statements are
 * left alone and start-up says so ({@link #replaced()} is false; a test checks it is true).
 */
@Component
class AuthorizedTaskQuery extends AbstractProcessEnginePlugin {

    static final String ENGINE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    static final String OURS = "uk.org.throughthegate.access.AuthorizedTasks";
    static final List<String> STATEMENTS = List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
    private static final String ENGINE_CRITERIA = ENGINE + ".selectTaskByQueryCriteriaSql";
    private static final String AUTH = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
    private static final String MAPPING = "uk/org/throughthegate/access/authorized-tasks.xml";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthorizedTaskQuery.class);

    private final boolean enabled;
    private volatile boolean replaced;

    /** @param enabled false keeps the engine's own statements (to compare the two, or if ours ever misbehaves) */
    AuthorizedTaskQuery(@Value("${ttg.access.task-query-by-grants:true}") boolean enabled) {
        this.enabled = enabled;
    }

    boolean replaced() {
        return replaced;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            LOG.info("ttg.access.task-query-by-grants is false: task lists use the engine's own query");
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        XNode engineCriteria = mybatis.getSqlFragments().get(ENGINE_CRITERIA);
        Node criteria = engineCriteria == null ? null : engineCriteria.getNode().cloneNode(true);
        if (criteria == null || !withoutAuthorizationJoin(criteria)) {
            LOG.warn("The engine's task query is not the one this service adapts (Task.xml changed?): "
                    + "team task lists use the engine's own query, which slows down as cases grow");
            return;
        }
        mybatis.getSqlFragments().put(OURS + ".taskQueryCriteria",
                new XNode(new XPathParser(criteria.getOwnerDocument()), criteria, mybatis.getVariables()));
        try (InputStream mapping = getClass().getClassLoader().getResourceAsStream(MAPPING)) {
            new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String statement : STATEMENTS) {
            MappedStatement engines = mybatis.getMappedStatement(ENGINE + "." + statement);
            // Our ids differ from the engine's: the engine asks by short name, which must stay unambiguous.
            MappedStatement ours = mybatis.getMappedStatement(OURS + ".authorized" + Character.toUpperCase(statement.charAt(0))
                    + statement.substring(1));
            MappedStatement replacement = new MappedStatement.Builder(mybatis, engines.getId(), ours.getSqlSource(),
                    engines.getSqlCommandType())
                    .resource(MAPPING).resultMaps(engines.getResultMaps()).parameterMap(engines.getParameterMap())
                    .statementType(engines.getStatementType()).fetchSize(engines.getFetchSize())
                    .timeout(engines.getTimeout()).build();
            mybatis.getMappedStatements().removeIf(s -> s == engines);
            mybatis.addMappedStatement(replacement);
        }
        replaced = true;
    }

    /**
     * Takes the authorization join out of a copy of the engine's fragment and points its
     * authorization condition at ours; false if either is not where it was in 7.24.
     */
    static boolean withoutAuthorizationJoin(Node criteria) {
        Element join = null;
        Element condition = null;
        for (Element include : includes(criteria)) {
            String refid = include.getAttribute("refid");
            if (refid.equals(AUTH + "authCheckJoinWithoutOnClause")) {
                join = include;
            } else if (refid.equals(AUTH + "contextualAuthorizationCheck")) {
                condition = include;
            }
        }
        if (join == null || condition == null || !(join.getParentNode() instanceof Element joinBlock)
                || !"if".equals(joinBlock.getTagName()) || !joinBlock.getTextContent().contains("AUTH ON")) {
            return false;
        }
        // The <if> holds the join and its ON clause and nothing else.
        joinBlock.getParentNode().removeChild(joinBlock);
        condition.setAttribute("refid", OURS + ".authorizedTaskCondition");
        return true;
    }

    private static List<Element> includes(Node node) {
        List<Element> found = new ArrayList<>();
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element) {
                if ("include".equals(element.getTagName())) {
                    found.add(element);
                }
                found.addAll(includes(element));
            }
        }
        return found;
    }
}
