package uk.org.throughthegate.enginerest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of a request to the engine REST API (and to the engine API that Tasklist and
 * Cockpit call from the browser, built from the same REST classes), which remembers the service files
 * ({@code META-INF/services/...}) it has read once. The engine's REST classes find the process
 * engine through a {@link java.util.ServiceLoader} every time one is made and every time a request
 * is authenticated ({@code EngineUtil.lookupProcessEngine}): several times a request, each a search
 * of every jar of the service for the file and a read of it from inside its jar, about a tenth of
 * a Tasklist list's time in a profile. The files cannot change while the service runs. Everything
 * else (classes, other resources) is its parent's, as before.
 */
final class RememberedServiceFiles extends ClassLoader {

    private static final String SERVICE_FILES = "META-INF/services/";
    private static final Map<ClassLoader, RememberedServiceFiles> AROUND = new ConcurrentHashMap<>();

    private final Map<String, List<URL>> files = new ConcurrentHashMap<>();

    private RememberedServiceFiles(ClassLoader parent) {
        super(parent);
    }

    /** The one remembering loader around {@code loader} (the web application's, in practice). */
    static ClassLoader around(ClassLoader loader) {
        if (loader == null || loader instanceof RememberedServiceFiles) {
            return loader;
        }
        return AROUND.computeIfAbsent(loader, RememberedServiceFiles::new);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICE_FILES)) {
            return super.getResources(name);
        }
        List<URL> remembered = files.get(name);
        if (remembered == null) {
            remembered = read(name);
            files.put(name, remembered);
        }
        return Collections.enumeration(remembered);
    }

    private List<URL> read(String name) throws IOException {
        List<URL> copies = new ArrayList<>();
        for (URL file : Collections.list(getParent().getResources(name))) {
            byte[] content;
            try (InputStream in = file.openStream()) {
                content = in.readAllBytes();
            }
            copies.add(new URL(null, "remembered:" + file, new InMemory(content)));
        }
        return List.copyOf(copies);
    }

    /** Serves a file's content as read the first time. */
    private static final class InMemory extends URLStreamHandler {

        private final byte[] content;

        InMemory(byte[] content) {
            this.content = content;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(content);
                }
            };
        }
    }
}
