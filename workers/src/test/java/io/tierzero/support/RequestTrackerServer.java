package io.tierzero.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A real Request Tracker 5 (Debian's request-tracker5, installed by {@code ./tierzero test}) on its own copy of
 * the freshly installed database, so every test class starts from an empty RT. The package's site configuration
 * gets its database and address from the environment (the install step adds that hook).
 */
public final class RequestTrackerServer implements AutoCloseable {

    public static final String ROOT_PASSWORD = "rootpass";
    private static final Path RT_SERVER = Path.of("/usr/share/request-tracker5/libexec/rt-server");
    private static final Path PRISTINE_DATABASE = Path.of("/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb");
    private static final Path TEST_HOOK = Path.of("/etc/request-tracker5/RT_SiteConfig.d/90-tierzero-tests.pm");

    private final Path home;
    private final int port = EmbeddedStackTest.freePort();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    public RequestTrackerServer() {
        assertThat(RT_SERVER).as("Request Tracker 5 is not installed: run ./tierzero test, which installs it").exists();
        assertThat(TEST_HOOK).as("RT's test configuration hook is missing: run ./tierzero test, which adds it").exists();
        try {
            home = Files.createTempDirectory("tierzero-rt");
            Files.copy(PRISTINE_DATABASE, home.resolve("rtdb"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void start() {
        try {
            var builder = new ProcessBuilder(RT_SERVER.toString(), "--server", "Standalone", "--host", "127.0.0.1",
                    "--port", Integer.toString(port))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("rt.log").toFile()));
            builder.environment().put("TIERZERO_RT_DATABASE", home.resolve("rtdb").toString());
            builder.environment().put("TIERZERO_RT_URL", url());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get("/REST/2.0/queues/all").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            sleep(300);
        }
        throw new IllegalStateException("Request Tracker did not start within 90 s; see " + home.resolve("rt.log"));
    }

    /** Stops RT the hard way, as a crash would. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json, String ifMatch) {
        var request = HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        String credentials = Base64.getEncoder().encodeToString(("root:" + ROOT_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return client.send(request.header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new UncheckedIOException(unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
