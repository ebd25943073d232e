package io.tierzero.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A local single-node OpenSearch with the k-NN plugin, under {@code <home>}: installed on first start from the
 * distribution zips into {@code opensearch-<version>/}, indices in {@code data/}, logs in {@code logs/}. It takes
 * 30-50 s to come up, so {@link #start()} returns at once; use {@link #awaitReady(Duration)} or {@link #isReady()}.
 * A node of the tierzero cluster already answering on the port is used and left running on {@link #stop()}.
 */
public class ManagedOpenSearch {

    private static final String CLUSTER_NAME = "tierzero";

    private static final Logger log = LoggerFactory.getLogger(ManagedOpenSearch.class);
    private static final Pattern DISTRIBUTION = Pattern.compile("opensearch-(\\d+(?:\\.\\d+)+)\\.zip");
    private static final Pattern KNN_PLUGIN = Pattern.compile("opensearch-knn-\\d+(?:\\.\\d+)+\\.zip");
    private static final String INSTALLED = ".installed";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private final Path distributionDir;
    private final int port;
    private final String heap;
    private final Path logFile;
    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Thread shutdownHook = new Thread(this::stop, "tierzero-opensearch-shutdown");

    private volatile CompletableFuture<Void> ready;
    private Process process;
    private volatile boolean stopped;

    /** @param distributionDir the folder with the OpenSearch and k-NN zips; only needed for the first start */
    public ManagedOpenSearch(Path home, Path distributionDir, int port, String heap) {
        this.home = home.toAbsolutePath().normalize();
        this.distributionDir = distributionDir;
        this.port = port;
        this.heap = heap;
        this.logFile = this.home.resolve("opensearch-console.log");
        this.uri = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Stops the node when the JVM exits. For use without Spring: in the application, Spring's own shutdown hook
     * stops it after the beans that use it, where a second hook would race with them.
     */
    public void registerShutdownHook() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Installs (the first time) and starts the node in the background. */
    public synchronized void start() {
        long started = System.nanoTime();
        ready = CompletableFuture
                .runAsync(this::launch, task -> Thread.ofPlatform().name("tierzero-opensearch").daemon().start(task))
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        log.info("OpenSearch ready at {} in {} ms", uri,
                                Duration.ofNanos(System.nanoTime() - started).toMillis());
                    } else if (!stopped) {
                        log.error("OpenSearch did not start", failure);
                    }
                });
    }

    public boolean isReady() {
        CompletableFuture<Void> future = ready;
        return future != null && future.state() == Future.State.SUCCESS;
    }

    /** Why the node did not start, once it failed. */
    public Optional<Throwable> failure() {
        CompletableFuture<Void> future = ready;
        return future != null && future.state() == Future.State.FAILED
                ? Optional.of(future.exceptionNow())
                : Optional.empty();
    }

    /** Waits until the cluster is yellow or green; fails at once if the node could not start. */
    public void awaitReady(Duration timeout) throws TimeoutException {
        if (ready == null) {
            throw new IllegalStateException("OpenSearch was not started");
        }
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("OpenSearch did not start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for OpenSearch", e);
        }
    }

    /** Stops the node if this object started it; idempotent. */
    public void stop() {
        Process node;
        synchronized (this) {
            stopped = true;
            node = process;
            process = null;
        }
        if (node == null) {
            return;
        }
        try {
            node.destroy();
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("OpenSearch did not stop within 60 s, killing it");
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            node.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("OpenSearch stopped");
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: hooks can no longer be removed
        }
    }

    synchronized ProcessHandle processHandle() {
        return process == null ? null : process.toHandle();
    }

    private void launch() {
        try {
            String runningCluster = clusterName();
            if (runningCluster != null) {
                if (!CLUSTER_NAME.equals(runningCluster)) {
                    throw new IllegalStateException(
                            "Port " + port + " is taken by the OpenSearch cluster " + runningCluster);
                }
                log.info("Using the OpenSearch node already answering at {}", uri);
            } else {
                Path installation = install();
                configure(installation);
                spawn(installation);
            }
            awaitHealthy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting OpenSearch", e);
        }
    }

    private Path install() throws IOException {
        if (distributionDir == null) {
            return installed().orElseThrow(() -> new IllegalStateException("OpenSearch is not installed in " + home
                    + " and tierzero.opensearch.distribution-dir is not set"));
        }
        Path distribution = distributionFile(DISTRIBUTION);
        String version = DISTRIBUTION.matcher(distribution.getFileName().toString()).replaceAll("$1");
        Path installation = home.resolve("opensearch-" + version);
        if (Files.exists(installation.resolve(INSTALLED))) {
            return installation;
        }
        log.info("Installing OpenSearch {} with the k-NN plugin into {}", version, installation);
        FileSystemUtils.deleteRecursively(installation);
        Files.createDirectories(home);
        Archives.extractZip(distribution, home);
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        // a copy, as the service user may not be allowed to read the distribution folder
        Path plugin = Files.copy(distributionFile(KNN_PLUGIN), home.resolve("opensearch-knn.zip"),
                StandardCopyOption.REPLACE_EXISTING);
        ChildProcesses.giveToServiceUser(home, logFile);
        ChildProcesses.run(List.of(installation.resolve("bin/opensearch-plugin").toString(), "install", "--batch",
                plugin.toUri().toString()), installation, environment(), logFile);
        Files.delete(plugin);
        Files.createFile(installation.resolve(INSTALLED));
        return installation;
    }

    private Optional<Path> installed() throws IOException {
        if (!Files.isDirectory(home)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(home)) {
            return folders.filter(folder -> Files.exists(folder.resolve(INSTALLED))).max(Comparator.naturalOrder());
        }
    }

    private Path distributionFile(Pattern name) throws IOException {
        try (Stream<Path> files = Files.list(distributionDir)) {
            return files.filter(file -> name.matcher(file.getFileName().toString()).matches()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + name + " in " + distributionDir));
        }
    }

    private void configure(Path installation) throws IOException {
        Files.writeString(installation.resolve("config/opensearch.yml"), """
                cluster.name: %s
                node.name: tierzero-local
                network.host: 127.0.0.1
                http.port: %d
                discovery.type: single-node
                path.data: %s
                path.logs: %s
                """.formatted(CLUSTER_NAME, port, yamlString(home.resolve("data")), yamlString(home.resolve("logs"))));
    }

    private String yamlString(Path path) throws IOException {
        return json.writeValueAsString(path.toString());
    }

    private synchronized void spawn(Path installation) {
        if (stopped) {
            throw new CancellationException("Stopped before OpenSearch was started");
        }
        // the working directory matters: jvm.options writes the GC log and heap dumps to relative paths
        // -q: no logging to the console, where it would grow without rotation; logs/ has the rotated logs
        process = ChildProcesses.start(List.of(installation.resolve("bin/opensearch").toString(), "-q"), installation,
                environment(), logFile, "TERM");
    }

    private Map<String, String> environment() {
        // the distribution from Maven has no bundled JDK: run it on this JVM unless told otherwise
        String javaHome = System.getenv().getOrDefault("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        return Map.of("OPENSEARCH_JAVA_HOME", javaHome, "OPENSEARCH_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (stopped) {
                throw new CancellationException("Stopped before OpenSearch was ready");
            }
            Process node = currentProcess();
            if (node != null && !node.isAlive()) {
                throw new IllegalStateException("OpenSearch exited with code " + node.exitValue() + "; see "
                        + home.resolve("logs") + "; end of " + logFile + ":\n" + ChildProcesses.tail(logFile));
            }
            try {
                String status = get("/_cluster/health").path("status").asText();
                if (status.equals("green") || status.equals("yellow")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("OpenSearch is not healthy at " + uri + " after "
                        + STARTUP_TIMEOUT.toSeconds() + " s; see " + logFile);
            }
            Thread.sleep(500);
        }
    }

    private synchronized Process currentProcess() {
        return process;
    }

    /** The cluster name of the node answering on the port, null if none answers. */
    private String clusterName() throws IOException, InterruptedException {
        try {
            return get("/").path("cluster_name").asText();
        } catch (ConnectException nothingListening) {
            return null;
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri.resolve(path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri.resolve(path) + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
