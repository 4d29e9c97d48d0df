package uk.org.throughthegate.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;

import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;

/** A request's class loader finds the same services as the web application's, reading each service file once. */
class RememberedServiceFilesTest {

    /** The application's loader, counting how often it is asked for service files. */
    static class Counting extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Counting() {
            super(RememberedServiceFilesTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            asked.add(name);
            return super.getResources(name);
        }
    }

    @Test
    void theEngineIsFoundAsBeforeAndItsServiceFileReadOnce() {
        Counting application = new Counting();
        ClassLoader remembering = RememberedServiceFiles.around(application);
        assertThat(RememberedServiceFiles.around(application)).as("one per application loader").isSameAs(remembering);
        assertThat(RememberedServiceFiles.around(remembering)).as("not wrapped twice").isSameAs(remembering);

        List<String> direct = providers(application);
        assertThat(direct).as("the engine REST API's provider, as the test class path names it").isNotEmpty();
        application.asked.clear();
        for (int i = 0; i < 3; i++) {
            assertThat(providers(remembering)).isEqualTo(direct);
        }
        assertThat(application.asked).as("the service file looked for once")
                .containsOnlyOnce("META-INF/services/" + ProcessEngineProvider.class.getName());
    }

    @Test
    void everythingElseIsTheApplicationsOwn() throws Exception {
        Counting application = new Counting();
        ClassLoader remembering = RememberedServiceFiles.around(application);
        assertThat(Collections.list(remembering.getResources("application.yaml")))
                .isEqualTo(Collections.list(application.getResources("application.yaml")));
        assertThat(remembering.loadClass(RememberedServiceFilesTest.class.getName())).isSameAs(RememberedServiceFilesTest.class);
        remembering.getResources("application.yaml");
        assertThat(application.asked.stream().filter("application.yaml"::equals)).as("not remembered").hasSize(3);
    }

    private static List<String> providers(ClassLoader loader) {
        return ServiceLoader.load(ProcessEngineProvider.class, loader).stream().map(p -> p.type().getName()).toList();
    }
}
