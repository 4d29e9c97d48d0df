package uk.org.throughthegate.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.parsing.XPathParser;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A manager's counts in Cockpit are the cases they may open. The engine's process-definition
 * statistics (Cockpit's dashboard, {@code GET /engine-rest/process-definition/statistics}) and
 * Cockpit's process list check only that the user may read the definition, then count every
 * running instance, incident and failed job of it: a consortium's project manager saw another
 * consortium's journeys counted with their own. Here each of those counts also asks the condition
 * the process-instance query asks ({@code readable-instances.xml}), so the count is what the user
 * can list.
 * <p>
 * As in {@link GrantsFirstQueries}, the statistics stay the engine's and Cockpit's own: their
 * criteria fragment is copied at start-up and the condition inserted where each count already
 * narrows by tenant. If a future mapping no longer has those places, its statements are left alone
 * and start-up says so; a test checks that both were adapted.
 */
@Component
class ReadableCaseCounts extends AbstractProcessEnginePlugin implements ApplicationRunner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReadableCaseCounts.class);
    private static final String OURS = "uk.org.throughthegate.access.ReadableCaseCounts";
    private static final String INSTANCES = "uk/org/throughthegate/access/readable-instances.xml";
    private static final String TENANT_CHECK = "org.camunda.bpm.engine.impl.persistence.entity.TenantEntity.queryTenantCheckWithPrefix";

    /**
     * The counted tables, by the alias each count gives them: the columns naming the counted row's
     * process instance and process definition.
     */
    static final Map<String, List<String>> COUNTED = Map.of(
            "'E.'", List.of("E.PROC_INST_ID_", "E.PROC_DEF_ID_"),
            "'I.'", List.of("I.PROC_INST_ID_", "I.PROC_DEF_ID_"),
            "'J.'", List.of("J.PROCESS_INSTANCE_ID_", "J.PROCESS_DEF_ID_"));

    /** One statistics query: whose it is, its criteria fragment, the aliases it must count, its statements. */
    record Statistics(String name, String criteria, List<String> counted, String mapping, Map<String, String> statements) {
    }

    static final Statistics ENGINE = new Statistics("engine",
            "org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionStatisticsEntity.selectProcessDefinitionStatisticsByQueryCriteriaSql",
            List.of("'E.'", "'I.'", "'J.'"), "uk/org/throughthegate/access/readable-statistics-engine.xml",
            Map.of("org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionStatisticsEntity.selectProcessDefinitionStatistics",
                    "readableProcessDefinitionStatistics",
                    "org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionStatisticsEntity.selectProcessDefinitionStatisticsCount",
                    "readableProcessDefinitionStatisticsCount"));

    static final Statistics COCKPIT = new Statistics("cockpit", "cockpit.base.selectPDStatisticsByQueryCriteriaSql",
            List.of("'E.'", "'I.'"), "uk/org/throughthegate/access/readable-statistics-cockpit.xml",
            Map.of("cockpit.base.selectPDStatistics", "readablePDStatistics"));

    private final List<String> adapted = new ArrayList<>();

    /** Which statistics count readable cases only ("engine", "cockpit" once Cockpit has been asked). */
    List<String> adapted() {
        synchronized (adapted) {
            return List.copyOf(adapted);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        adapt(configuration.getSqlSessionFactory().getConfiguration(), ENGINE);
    }

    /** Cockpit queries through its own MyBatis set-up, made when Cockpit first asks: ours adapts it. */
    @Override
    public void run(ApplicationArguments args) {
        Cockpit.setCockpitRuntimeDelegate(new CockpitCountingReadableCases());
    }

    void adapt(Configuration mybatis, Statistics statistics) {
        XNode original = mybatis.getSqlFragments().get(statistics.criteria());
        Node criteria = original == null ? null : original.getNode().cloneNode(true);
        if (criteria == null || !withReadableInstancesOnly(criteria, statistics.counted())) {
            LOG.warn("The {} process-definition statistics are not the ones this service adapts (their mapping changed?): "
                    + "they count every instance of a definition, whoever asks", statistics.name());
            return;
        }
        String namespace = OURS + "." + statistics.name();
        mybatis.getSqlFragments().put(namespace + ".criteria",
                new XNode(new XPathParser(criteria.getOwnerDocument()), criteria, mybatis.getVariables()));
        parse(mybatis, INSTANCES);
        parse(mybatis, statistics.mapping());
        statistics.statements().forEach((theirs, ours) -> EngineStatements.replace(mybatis, theirs,
                mybatis.getMappedStatement(namespace + "." + ours).getSqlSource(), statistics.mapping()));
        synchronized (adapted) {
            adapted.add(statistics.name());
        }
    }

    /**
     * Puts the readable-instance condition after each counted table's tenant check (the
     * {@code <bind name="columnPrefix" value="'E.'"/>} the engine's counts have); false unless
     * every expected count was found.
     */
    static boolean withReadableInstancesOnly(Node criteria, List<String> counted) {
        List<Element> prefixes = new ArrayList<>();
        for (Element bind : elements(criteria, "bind")) {
            if ("columnPrefix".equals(bind.getAttribute("name")) && counted.contains(bind.getAttribute("value"))
                    && next(bind) instanceof Element include && TENANT_CHECK.equals(include.getAttribute("refid"))) {
                prefixes.add(bind);
            }
        }
        if (prefixes.stream().map(p -> p.getAttribute("value")).distinct().count() != counted.size()) {
            return false;
        }
        for (Element bind : prefixes) {
            List<String> columns = COUNTED.get(bind.getAttribute("value"));
            Element readable = bind.getOwnerDocument().createElement("include");
            readable.setAttribute("refid", OURS + ".instances.readable");
            readable.appendChild(property(readable, "instance", columns.get(0)));
            readable.appendChild(property(readable, "definition", columns.get(1)));
            bind.getParentNode().insertBefore(readable, bind);
        }
        return true;
    }

    private static Element property(Element include, String name, String value) {
        Element property = include.getOwnerDocument().createElement("property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
        return property;
    }

    private static void parse(Configuration mybatis, String resource) {
        if (mybatis.isResourceLoaded(resource)) {
            return;
        }
        try (InputStream mapping = ReadableCaseCounts.class.getClassLoader().getResourceAsStream(resource)) {
            new XMLMapperBuilder(mapping, mybatis, resource, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node next(Element element) {
        Node next = element.getNextSibling();
        while (next != null && next.getNodeType() != Node.ELEMENT_NODE) {
            next = next.getNextSibling();
        }
        return next;
    }

    private static List<Element> elements(Node node, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                if (tag.equals(element.getTagName())) {
                    found.add(element);
                }
                found.addAll(elements(element, tag));
            }
        }
        return found;
    }

    /** Cockpit as the webapp sets it up, but its process list counting only readable cases. */
    private class CockpitCountingReadableCases extends DefaultCockpitRuntimeDelegate {

        @Override
        protected CommandExecutor createCommandExecutor(String processEngineName) {
            if (!(getProcessEngine(processEngineName) instanceof ProcessEngineImpl engine)) {
                throw new ProcessEngineException("No process engine with name " + processEngineName + " found.");
            }
            QuerySessionFactory cockpitQueries = new QuerySessionFactory();
            cockpitQueries.initFromProcessEngineConfiguration(engine.getProcessEngineConfiguration(), getMappingFiles());
            adapt(cockpitQueries.getSqlSessionFactory().getConfiguration(), COCKPIT);
            return new CommandExecutor() {
                @Override
                public <T> T executeCommand(Command<T> command) {
                    return cockpitQueries.getCommandExecutorTxRequired().execute(command);
                }
            };
        }
    }
}
