package uk.org.throughthegate.contexts;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

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
        BpmnAwareTests.reset();
        if (!ContextGroupedOrder.nextSharesContextWith(testClass)) {
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
    }
}
