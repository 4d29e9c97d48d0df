package uk.org.throughthegate.contexts;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Closes a test class's Spring context when the next class asks for another one, so that the
 * suite runs in one JVM (each context started once, see {@link ContextGroupedOrder}) without two
 * engines registered at once. Also forgets the engine BPM Assert was given, which a class that
 * follows must not reach once its context is closed.
 * <p>
 * Registered for every Spring test in {@code META-INF/spring.factories}; ordered first, so that
 * after a class it runs last, when no other listener needs the context.
 */
public class OneContextAtATime implements TestExecutionListener, Ordered {

    /** Named, not imported: on an engine line without BPM Assert there is nothing to forget. */
    private static final String BPM_ASSERT = "org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests";

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        Class<?> testClass = testContext.getTestClass();
        if (ContextGroupedOrder.isNested(testClass)) {
            return;
        }
        forgetBpmAssertsEngine();
        if (!ContextGroupedOrder.nextSharesContextWith(testClass)) {
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
    }

    private static void forgetBpmAssertsEngine() {
        if (!ClassUtils.isPresent(BPM_ASSERT, OneContextAtATime.class.getClassLoader())) {
            return;
        }
        try {
            ClassUtils.forName(BPM_ASSERT, OneContextAtATime.class.getClassLoader()).getMethod("reset").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BPM Assert could not forget its engine", e);
        }
    }
}
