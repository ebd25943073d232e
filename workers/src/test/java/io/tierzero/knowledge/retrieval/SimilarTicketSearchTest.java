package io.tierzero.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierzero.embedded.ManagedOpenSearch;
import io.tierzero.knowledge.ResolvedTickets;
import io.tierzero.knowledge.embedding.EmbeddingModelSpec;
import io.tierzero.knowledge.embedding.SentenceEmbedder;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.Level;
import io.tierzero.ticket.Region;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketKind;
import io.tierzero.ticket.TicketState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import picocli.CommandLine;

/** Resolved tickets indexed in a real OpenSearch node with the real embedding model, searched BM25 + k-NN. */
class SimilarTicketSearchTest {

    private static final String TENANT = "acme";
    private static final Instant RESOLVED = Instant.parse("2026-11-20T10:15:30Z");
    private static final List<ResolvedTicket> TICKETS = List.of(
            ticket("INC1001", "Password expired", "I cannot log in to Windows, my password expired over the weekend",
                    "GRP_0", "password-reset", "Reset the password and verified the login"),
            ticket("INC1002", "VPN disconnects", "The GlobalProtect VPN drops every few minutes when working from home",
                    "GRP_12", "vpn-access", "Reinstalled the VPN client profile; connection stable"),
            ticket("INC1003", "Printer jam", "The printer on floor 3 shows paper jam and prints nothing",
                    "GRP_19", "printer-issue", "Cleared the jam and restarted the spooler"),
            ticket("INC1004", "Disk full on erp server", "Filesystem /data at 97% on the ERP database server",
                    "GRP_8", "disk-space-alert", "Rotated logs, freed 40 GB"),
            ticket("INC1005", "Outlook crashes", "Outlook closes itself right after start since the last update",
                    "GRP_0", null, "Repaired the Office installation"),
            ticket("INC1006", "Need access to finance share", "Please give me read access to the finance shared folder",
                    "GRP_3", null, null));

    @TempDir
    static Path dataDir;

    private static ManagedOpenSearch node;
    private static int port;
    private static OpenSearchClient client;
    private static SentenceEmbedder embedder;
    private static ResolvedTicketIndex index;
    private static SimilarTicketSearch search;

    @BeforeAll
    static void indexResolvedTickets() throws Exception {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        node = new ManagedOpenSearch(dataDir.resolve("opensearch"),
                Path.of(System.getProperty("tierzero.opensearch.distribution-dir")), port, "512m");
        node.registerShutdownHook();
        node.start();
        node.awaitReady(Duration.ofMinutes(3));
        client = new OpenSearchClient(ApacheHttpClient5TransportBuilder.builder(new HttpHost("http", "127.0.0.1", port))
                .setMapper(new JacksonJsonpMapper()).build());
        embedder = new SentenceEmbedder(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q,
                Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl"), 2);
        index = new ResolvedTicketIndex(client, embedder);
        List<String> progress = new ArrayList<>();
        assertThat(index.indexAll(TICKETS, 4, progress::add)).isEqualTo(6);
        assertThat(progress).containsExactly("indexed 4/6 tickets", "indexed 6/6 tickets");
        index.indexAll(List.of(new ResolvedTicket("globex", "import", "G-1", "VPN disconnects",
                "VPN drops every few minutes at home", "NET", "vpn-access", "Replaced the router", null)), 10, line -> { });
        search = new SimilarTicketSearch(client, embedder);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (client != null) {
            client._transport().close();
        }
        if (node != null) {
            node.stop();
        }
        if (embedder != null) {
            embedder.close();
        }
    }

    @Test
    void findsTheResolvedTicketOfAParaphrasedProblem() throws IOException {
        List<SimilarTicket> similar = search.search(TENANT,
                "cannot stay connected to the company network from my home office, the vpn keeps dropping", 3);

        assertThat(similar).isNotEmpty();
        SimilarTicket best = similar.getFirst();
        assertThat(best.ticketId()).isEqualTo("INC1002");
        assertThat(best.source()).isEqualTo("history");
        assertThat(best.assignmentGroup()).isEqualTo("GRP_12");
        assertThat(best.runbookId()).isEqualTo("vpn-access");
        assertThat(best.resolutionNotes()).isEqualTo("Reinstalled the VPN client profile; connection stable");
        assertThat(best.resolvedAt()).isEqualTo(RESOLVED);
        assertThat(best.confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
        assertThat(similar).isSortedAccordingTo((a, b) -> Double.compare(b.fusedScore(), a.fusedScore()));

        assertThat(search.search(TENANT, "my login does not work because the password has expired", 1))
                .extracting(SimilarTicket::ticketId).containsExactly("INC1001");
        assertThat(search.search(TENANT, "storage almost full alert on the ERP db host", 1))
                .extracting(SimilarTicket::ticketId).containsExactly("INC1004");
    }

    @Test
    void importingTheSameTicketsAgainReplacesThem() throws IOException {
        long before = index.count(TENANT);

        index.indexAll(TICKETS, 100, line -> { });
        index.index(TICKETS.getFirst());
        client.indices().refresh(refresh -> refresh.index(ResolvedTicketIndex.NAME));

        assertThat(before).isEqualTo(6);
        assertThat(index.count(TENANT)).isEqualTo(6);
    }

    @Test
    void aMissingEmptyOrGarbledTicketFindsNothing() throws IOException {
        assertThat(search.search(TENANT, null, 3)).isEmpty();
        assertThat(search.search(TENANT, "", 3)).isEmpty();
        assertThat(search.search(TENANT, "  \n ", 3)).isEmpty();
        assertThat(search.search(TENANT, "xq zzkv ###### 0x1f@@", 3)).isEmpty();
        assertThat(search.searchAll(TENANT, Arrays.asList("", null, "printer paper jam"), 1))
                .extracting(List::size).containsExactly(0, 0, 1);
    }

    @Test
    void aTenantSeesOnlyItsOwnTickets() throws IOException {
        assertThat(search.search("globex", "vpn keeps dropping at home", 5))
                .extracting(SimilarTicket::ticketId).containsExactly("G-1");
        assertThat(search.search("umbrella", "vpn keeps dropping at home", 5)).isEmpty();
    }

    @Test
    void retrievesRunbooksAndSimilarTicketsTogetherEvenWithoutARunbookIndex() throws IOException {
        List<KnowledgeRetrieval.Retrieved> retrieved = new KnowledgeRetrieval(client, embedder)
                .retrieveAll(TENANT, List.of("the printer shows a paper jam", ""), 2);

        assertThat(retrieved).hasSize(2);
        assertThat(retrieved.getFirst().runbooks()).isEmpty();
        assertThat(retrieved.getFirst().similarTickets().getFirst().ticketId()).isEqualTo("INC1003");
        assertThat(retrieved.get(1).similarTickets()).isEmpty();
    }

    @Test
    void reindexImportsATicketFileIdempotently(@TempDir Path files) throws IOException {
        Path csv = files.resolve("helpdesk-2025.csv");
        Files.writeString(csv, """
                id,Short description,Description,Caller,Assignment group
                HD-1,Teams camera not detected,"My webcam is not found by Teams, other apps see it",abc,GRP_4
                HD-2,Laptop battery drains fast,Battery empty after one hour since yesterday,def,GRP_5
                """);
        Path labels = files.resolve("labels.tsv");
        Files.writeString(labels, "id\trunbook\tconfidence\nHD-1\tteams-camera\thigh\nHD-2\tnone\tlow\n");
        String[] args = {"--tickets", csv.toString(), "--tenant", "initech", "--runbook-labels", labels.toString(),
                "--batch", "1", "--opensearch", "http://127.0.0.1:" + port};

        StringWriter err = new StringWriter();
        assertThat(reindex(err, args)).isZero();
        assertThat(reindex(new StringWriter(), args)).isZero();

        assertThat(err.toString()).contains("Read 2 tickets", "indexed 1/2 tickets", "indexed 2/2 tickets");
        assertThat(index.count("initech")).isEqualTo(2);
        List<SimilarTicket> camera = search.search("initech", "webcam does not work in teams meetings", 2);
        assertThat(camera.getFirst()).satisfies(ticket -> {
            assertThat(ticket.ticketId()).isEqualTo("HD-1");
            assertThat(ticket.source()).isEqualTo("helpdesk-2025");
            assertThat(ticket.assignmentGroup()).isEqualTo("GRP_4");
            assertThat(ticket.runbookId()).isEqualTo("teams-camera");
        });
        assertThat(search.search("initech", "battery drains within an hour", 1).getFirst().runbookId()).isNull();
    }

    @Test
    void reindexRejectsAFileWithoutTheLabelColumnOrATenant(@TempDir Path files) throws IOException {
        Path csv = files.resolve("tickets.csv");
        Files.writeString(csv, "id,Short description,Description\n1,a,b\n");

        StringWriter noLabel = new StringWriter();
        assertThat(reindex(noLabel, "--tickets", csv.toString(), "--tenant", "initech")).isEqualTo(2);
        assertThat(noLabel.toString()).startsWith("tierzero reindex: error: ").contains("no column 'Assignment group'");

        StringWriter noTenant = new StringWriter();
        assertThat(reindex(noTenant, "--tickets", csv.toString())).isEqualTo(2);
        assertThat(noTenant.toString()).contains("--tenant is required");
    }

    @Test
    void aTicketResolvedInTierZeroIsIndexedOnceAndFound() throws IOException {
        Ticket resolved = ticketOfTierZero("The badge reader at the main entrance rejects my card", RESOLVED);
        Ticket open = ticketOfTierZero("My monitor flickers", null);
        ResolvedTickets resolvedTickets = new ResolvedTickets(client, embedder);

        assertThat(resolvedTickets.indexResolved(resolved, "Re-encoded the badge", null)).isTrue();
        assertThat(resolvedTickets.indexResolved(resolved, "Re-encoded the badge", null)).isTrue();
        assertThat(resolvedTickets.indexResolved(open, null, null)).isFalse();
        client.indices().refresh(refresh -> refresh.index(ResolvedTicketIndex.NAME));

        assertThat(index.count("hooli")).isEqualTo(1);
        assertThat(search.search("hooli", "my access card does not open the entrance door", 1)).singleElement()
                .satisfies(ticket -> {
                    assertThat(ticket.ticketId()).isEqualTo(resolved.ticketId().toString());
                    assertThat(ticket.source()).isEqualTo(ResolvedTicketIndex.RESOLVED_IN_TIERZERO);
                    assertThat(ticket.assignmentGroup()).isEqualTo("facilities");
                    assertThat(ticket.resolutionNotes()).isEqualTo("Re-encoded the badge");
                    assertThat(ticket.resolvedAt()).isEqualTo(RESOLVED);
                });
    }

    private static Ticket ticketOfTierZero(String subject, Instant resolvedAt) {
        Instant created = RESOLVED.minusSeconds(3600);
        return new Ticket("hooli", UUID.randomUUID(), "HOOLI-000001", TicketKind.INCIDENT, Channel.PORTAL, "ana", "Ana",
                "ana@hooli.example", Region.EMEA, subject, "It started this morning.", List.of(), null, null, null,
                Level.LOW, Level.LOW, "P4", "facilities", null, 1,
                resolvedAt == null ? TicketState.IN_PROGRESS : TicketState.RESOLVED, 0, null, null, null, null, null,
                false, null, null, null, 0, 1, created, created, resolvedAt, null, null);
    }

    private static int reindex(StringWriter err, String... args) {
        CommandLine cli = ReindexCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private static ResolvedTicket ticket(String id, String title, String description, String group, String runbook,
            String notes) {
        return new ResolvedTicket(TENANT, "history", id, title, description, group, runbook, notes, RESOLVED);
    }
}
