package uk.org.throughthegate.enginerest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.cache.Cache;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;

/**
 * The process definitions Tasklist's lists embed (HAL: each task's process name), remembered when
 * every user may read them.
 * <p>
 * Every page of a Tasklist filter asks the REST layer for the definitions of its tasks, an
 * authorization-checked definition query on each call. The definitions practitioners meet (the
 * journey and the processes they start) are readable by everyone through a global grant
 * ({@code AccessRules}), so the answer is the same for every user and is kept for {@code ttg.tasklist.definition-cache}
 * (60 s). A definition only some groups may read (a manager's escalation) is never kept: it is
 * asked on each call with the caller's grants, as without this cache. Whether a definition is
 * readable by everyone is asked once per key for the same time, as the engine would answer it for
 * a user who holds no grant of their own.
 * <p>
 * A deployed definition never changes but for being suspended: a suspension shows in a list's
 * embedded definition within that time (the task itself shows it at once). The engine's own
 * {@code DefaultHalResourceCache} is not used: it is a plain {@code HashMap} shared by every
 * request thread.
 */
final class EveryonesDefinitions implements Cache {

    private static final int CAPACITY = 1_000;

    private final AuthorizationService authorizations;
    private final long keepMillis;
    private final Map<String, Kept<Object>> definitions = new ConcurrentHashMap<>();
    private final Map<String, Kept<Boolean>> readableByEveryone = new ConcurrentHashMap<>();

    private record Kept<T>(T value, long at) {
    }

    EveryonesDefinitions(AuthorizationService authorizations, Duration keep) {
        this.authorizations = authorizations;
        this.keepMillis = keep.toMillis();
    }

    /** The REST layer finds its relation caches in a static registry ({@link Hal}): this one is used from now on. */
    public void register() {
        Hal.getInstance().registerHalRelationCache(HalProcessDefinition.class, this);
    }

    /** Definitions are asked again on each call, as without a cache (unless another context has registered its own since). */
    public void unregister() {
        if (Hal.getInstance().getHalRelationCache(HalProcessDefinition.class) == this) {
            Hal.getInstance().registerHalRelationCache(HalProcessDefinition.class, null);
        }
        destroy();
    }

    @Override
    public void put(String id, Object resource) {
        if (resource instanceof HalProcessDefinition definition && readableByEveryone(definition.getKey())) {
            bounded(definitions).put(id, new Kept<>(resource, now()));
        }
    }

    @Override
    public Object get(String id) {
        Kept<Object> kept = fresh(definitions, id);
        return kept == null ? null : kept.value();
    }

    @Override
    public void destroy() {
        definitions.clear();
        readableByEveryone.clear();
    }

    private boolean readableByEveryone(String key) {
        Kept<Boolean> known = fresh(readableByEveryone, key);
        if (known != null) {
            return known.value();
        }
        // no user and no group: only a global grant answers yes
        boolean everyone = authorizations.isUserAuthorized(null, List.of(), Permissions.READ,
                Resources.PROCESS_DEFINITION, key);
        bounded(readableByEveryone).put(key, new Kept<>(everyone, now()));
        return everyone;
    }

    private <T> Kept<T> fresh(Map<String, Kept<T>> map, String id) {
        Kept<T> kept = map.get(id);
        if (kept == null) {
            return null;
        }
        long age = now() - kept.at();
        // the engine's clock, which tests move; one moved back forgets too
        if (age < 0 || age >= keepMillis) {
            map.remove(id, kept);
            return null;
        }
        return kept;
    }

    /** Definitions are few (a version per deployment of each process): a full map is an unexpected one, started again. */
    private static <T> Map<String, Kept<T>> bounded(Map<String, Kept<T>> map) {
        if (map.size() >= CAPACITY) {
            map.clear();
        }
        return map;
    }

    private static long now() {
        return ClockUtil.getCurrentTime().getTime();
    }
}
