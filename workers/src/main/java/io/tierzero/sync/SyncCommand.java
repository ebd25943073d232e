package io.tierzero.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ./tierzero sync ...}: the sync with connected ticket systems, asked of the running application (its
 * connectors hold the connections): status, drift report, reconciliation on demand, dead letters and retrying them.
 * Exit 0 when the call succeeded, 1 when the application refused it (its problem detail is printed), 2 when it
 * could not be reached.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Shows and repairs the sync with connected ticket systems (Request Tracker, ServiceNow, Jira).",
        subcommands = {SyncCommand.Status.class, SyncCommand.DriftReportCommand.class, SyncCommand.Reconcile.class,
                SyncCommand.DeadLetters.class, SyncCommand.Retry.class})
public class SyncCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", defaultValue = "http://localhost:${env:TIERZERO_HTTP_PORT:-8080}",
            description = "The running TierZero (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--tenant", required = true, description = "The tenant whose connections to use")
    String tenant;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyncCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private int call(String method, String path, Output output) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String target = url + "/api/tenants/" + encode(tenant) + "/sync" + path;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(target))
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                err.println("tierzero sync: " + body.path("title").asText("HTTP " + response.statusCode()) + ": "
                        + body.path("detail").asText(response.body()));
                return 1;
            }
            output.print(body, out);
            return 0;
        } catch (IOException unreachable) {
            err.println("tierzero sync: cannot reach TierZero at " + url + " (" + unreachable + "); is it running? (--url)");
            return 2;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private interface Output {
        void print(JsonNode body, PrintWriter out);
    }

    private static void printDrift(JsonNode drift, PrintWriter out) {
        out.printf("%-20s %-28s ticket %-36s #%-8s %s%s%n", drift.path("kind").asText(),
                drift.path("foundAt").asText(), drift.path("ticketId").asText("-"), drift.path("externalId").asText("-"),
                drift.has("field") ? drift.path("field").asText() + " tierzero=" + drift.path("tierZeroValue").asText()
                        + " external=" + drift.path("externalValue").asText() + ": " : "",
                drift.path("repair").asText());
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The tenant's connections and how far each sync is")
    static class Status implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Override
        public Integer call() {
            return sync.call("GET", "/connections", (body, out) -> body.forEach(connection -> out.printf(
                    "%s  %s scope=%s linked=%d pending=%d dead=%d polled-up-to=%s last-reconciled=%s%n",
                    connection.path("connection").asText(), connection.path("baseUrl").asText(),
                    connection.path("scope").asText(), connection.path("linkedTickets").asLong(),
                    connection.path("pendingUpdates").asLong(), connection.path("deadUpdates").asLong(),
                    connection.path("pollWatermark").asText("never"), connection.path("lastReconciledAt").asText("never"))));
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true, description = "Drift found by reconciliation, newest first")
    static class DriftReportCommand implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Option(names = "--connection", description = "Only this connection, e.g. request-tracker:main")
        String connection;

        @Override
        public Integer call() {
            String query = connection == null ? "" : "?connection=" + encode(connection);
            return sync.call("GET", "/drift" + query, (body, out) -> {
                if (body.isEmpty()) {
                    out.println("no drift found");
                }
                body.forEach(drift -> printDrift(drift, out));
            });
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "Compares both sides of a connection now, repairs the drift and prints it")
    static class Reconcile implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Parameters(paramLabel = "CONNECTION", description = "e.g. request-tracker:main")
        String connection;

        @Override
        public Integer call() {
            return sync.call("POST", "/connections/" + encode(connection) + "/reconcile", (report, out) -> {
                out.printf("%s: compared %d linked and %d records in scope, %d drifts repaired%n",
                        report.path("connectionId").asText(), report.path("linkedRecordsChecked").asInt(),
                        report.path("externalRecordsChecked").asInt(), report.path("drifts").size());
                report.path("drifts").forEach(drift -> printDrift(drift, out));
            });
        }
    }

    @Command(name = "dead-letters", mixinStandardHelpOptions = true, description = "Outbound updates given up on")
    static class DeadLetters implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Override
        public Integer call() {
            return sync.call("GET", "/outbox?state=dead", (body, out) -> {
                if (body.isEmpty()) {
                    out.println("no dead letters");
                }
                body.forEach(update -> out.printf("%d  %s %s ticket %s after %d attempts: %s%n",
                        update.path("updateId").asLong(), update.path("connectionId").asText(), update.path("kind").asText(),
                        update.path("ticketId").asText(), update.path("attempts").asInt(), update.path("lastError").asText()));
            });
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Sends a dead outbound update again")
    static class Retry implements Callable<Integer> {
        @ParentCommand
        SyncCommand sync;

        @Parameters(paramLabel = "UPDATE_ID", description = "As dead-letters lists it")
        long updateId;

        @Override
        public Integer call() {
            return sync.call("POST", "/outbox/" + updateId + "/retry", (body, out) -> out.println("update " + updateId + " queued again"));
        }
    }
}
