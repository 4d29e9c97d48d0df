package uk.org.throughthegate.enginerest;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

/**
 * The engine API that Tasklist and Cockpit call from the browser ({@code /camunda/api/engine}), as
 * the webapp makes it, with the one JSON mapper of {@link SharedObjectMapper} and Tasklist's filter
 * lists in one command ({@link FilterListInOneCommand}). The webapp's own application resolves a
 * new mapper for every filter query it reads and every answer it writes: a third of the time of a
 * Tasklist list in a profile.
 */
public class WebappEngineApi extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(super.getClasses());
        classes.remove(NamedProcessEngineRestServiceImpl.class);
        classes.add(FilterListInOneCommand.NamedEngine.class);
        classes.add(SharedObjectMapper.class);
        return classes;
    }
}
