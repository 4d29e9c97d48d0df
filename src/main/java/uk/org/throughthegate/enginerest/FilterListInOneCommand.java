package uk.org.throughthegate.enginerest;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.FilterRestService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.FilterRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.sub.runtime.FilterResource;
import org.camunda.bpm.engine.rest.sub.runtime.impl.FilterResourceImpl;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.Path;

/**
 * A filter's list as Tasklist asks for it (HAL: a page of tasks, their count, the variables the
 * filter shows and the processes and people they name) read in one engine command, one
 * transaction, instead of one for each part. The REST layer reads the filter, the page, the count
 * and the variables each in a command of its own, with a connection, a commit and the filter read
 * again (with its READ check) for the page and for the count. In one command, the engine keeps the
 * filter it has read, and every part runs on one connection; each part is still checked against
 * the caller's grants as before (a refused filter is refused, a missing one is 404). The answer is
 * written after the command, as before. A filter's count is one command already.
 */
final class FilterListInOneCommand {

    private FilterListInOneCommand() {
    }

    /**
     * The engine addressed by name ({@code /engine/default/filter}: how Tasklist asks), with this
     * filter list. Its paths are the engine's (inherited with the methods, as JAX-RS does).
     */
    @Path(NamedProcessEngineRestServiceImpl.PATH)
    public static class NamedEngine extends NamedProcessEngineRestServiceImpl {

        @Override
        public FilterRestService getFilterRestService(String engineName) {
            return filters(engineName, getObjectMapper(), getRelativeEngineUri(engineName).toASCIIString());
        }
    }

    /** The default engine ({@code /engine-rest/filter}), with this filter list. */
    @Path(DefaultProcessEngineRestServiceImpl.PATH)
    public static class DefaultEngine extends DefaultProcessEngineRestServiceImpl {

        @Override
        public FilterRestService getFilterRestService() {
            return filters(null, getObjectMapper(), getRelativeEngineUri(null).toASCIIString());
        }
    }

    static FilterRestService filters(String engineName, ObjectMapper objectMapper, String rootPath) {
        Filters filters = new Filters(engineName, objectMapper);
        filters.setRelativeRootResourceUri(rootPath);
        return filters;
    }

    /** Public, as are its resources: Jersey calls a sub-resource's methods by reflection. */
    public static class Filters extends FilterRestServiceImpl {

        Filters(String engineName, ObjectMapper objectMapper) {
            super(engineName, objectMapper);
        }

        @Override
        public FilterResource getFilter(String filterId) {
            return new OneFilter(getProcessEngine().getName(), getObjectMapper(), filterId, relativeRootResourcePath);
        }
    }

    public static class OneFilter extends FilterResourceImpl {

        OneFilter(String engineName, ObjectMapper objectMapper, String filterId, String rootPath) {
            super(engineName, objectMapper, filterId, rootPath);
        }

        @Override
        public HalResource queryHalList(String extendingQuery, Integer firstResult, Integer maxResults) {
            ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) getProcessEngine().getProcessEngineConfiguration();
            try {
                return engine.getCommandExecutorTxRequired().execute(context -> {
                    try {
                        return super.queryHalList(extendingQuery, firstResult, maxResults);
                    } catch (RestException refused) {
                        throw new Answered(refused);
                    }
                });
            } catch (Answered answered) {
                throw answered.answer;
            }
        }
    }

    /**
     * The REST layer's answer to a request it could not serve (a filter not found, a query it
     * cannot read), carried out of the command as the engine's "bad request", which it logs at
     * DEBUG, as it did when the REST layer made that answer outside any command; any other
     * exception would be logged as an ERROR of the engine.
     */
    static final class Answered extends BadUserRequestException {

        private static final long serialVersionUID = 1L;

        final transient RestException answer;

        Answered(RestException answer) {
            super(answer.getMessage(), answer);
            this.answer = answer;
        }
    }
}
