package uk.org.throughthegate.contexts;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs the test classes that ask for the same Spring context one after another (plain unit tests
 * first), so that the whole suite starts each context once and {@link OneContextAtATime} can close
 * it as soon as its last class is done. The service's engine is a process application, registered
 * in a JVM-wide container, so two of its contexts must never be open at once.
 * <p>
 * Set as JUnit's default class order in {@code junit-platform.properties}.
 */
public class ContextGroupedOrder implements ClassOrderer {

    /** The classes in the order they run, as this JVM's suite was ordered. */
    private static final List<Class<?>> ORDER = new ArrayList<>();
    private static final Map<Class<?>, Optional<MergedContextConfiguration>> CONTEXTS = new ConcurrentHashMap<>();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        if (classes.stream().anyMatch(c -> isNested(c.getTestClass()))) {
            return;
        }
        // plain unit tests first, then by name; each class joins the group of the first with its context
        Map<Object, List<ClassDescriptor>> groups = new LinkedHashMap<>();
        classes.stream().sorted(Comparator.comparing((ClassDescriptor c) -> context(c.getTestClass()).isPresent())
                        .thenComparing(c -> c.getTestClass().getName()))
                .forEach(c -> groups.computeIfAbsent(groupOf(c.getTestClass()), k -> new ArrayList<>()).add(c));
        List<ClassDescriptor> ordered = groups.values().stream().flatMap(List::stream).toList();
        classes.sort(Comparator.comparingInt(ordered::indexOf));
        synchronized (ORDER) {
            ORDER.clear();
            ordered.forEach(c -> ORDER.add(c.getTestClass()));
        }
    }

    /** Whether the class run after this one asks for the same context (false if none follows). */
    static boolean nextSharesContextWith(Class<?> testClass) {
        Class<?> next;
        synchronized (ORDER) {
            int at = ORDER.indexOf(testClass);
            next = at < 0 || at + 1 >= ORDER.size() ? null : ORDER.get(at + 1);
        }
        return next != null && context(next).isPresent() && context(next).equals(context(testClass));
    }

    private static Object groupOf(Class<?> testClass) {
        Optional<MergedContextConfiguration> context = context(testClass);
        return context.isPresent() ? context.get() : testClass;
    }

    static boolean isNested(Class<?> testClass) {
        return testClass.isMemberClass() && !Modifier.isStatic(testClass.getModifiers());
    }

    /** The key of Spring's context cache for a test class, if it is a Spring test. */
    static Optional<MergedContextConfiguration> context(Class<?> testClass) {
        return CONTEXTS.computeIfAbsent(testClass, c -> isSpringTest(c)
                ? Optional.of(BootstrapUtils.resolveTestContextBootstrapper(c).buildMergedContextConfiguration())
                : Optional.empty());
    }

    private static boolean isSpringTest(Class<?> testClass) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .anyMatch(e -> List.of(e.value()).contains(SpringExtension.class));
    }
}
