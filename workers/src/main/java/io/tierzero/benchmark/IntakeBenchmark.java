package io.tierzero.benchmark;

import io.tierzero.TierZeroApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the embedded product in this JVM, submits N requests through the REST API and prints throughput,
 * API latency, time until each ticket waits in a human queue (its first response without a model), and heap
 * per ticket (the in-memory engine keeps every record).
 */
@Command(name = "tierzero benchmark", mixinStandardHelpOptions = true,
        description = "Creates tickets through the API of an embedded TierZero and prints the numbers.")
public class IntakeBenchmark implements Callable<Integer> {

    @Option(names = "--tickets", defaultValue = "1000", description = "Tickets to create (default ${DEFAULT-VALUE})")
    int tickets;

    @Option(names = "--concurrency", defaultValue = "16", description = "Requests in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", defaultValue = "0",
            description = "Requests per second to offer, 0 for as fast as the API takes them (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--data-dir", description = "Data folder (default: a new temporary folder)")
    Path dataDir;

    @Option(names = "--with-opensearch", description = "Also start the managed OpenSearch node")
    boolean withOpenSearch;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up waiting after (default ${DEFAULT-VALUE})")
    Duration timeout;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IntakeBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (tickets < 1 || concurrency < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--tickets and --concurrency must be at least 1");
        }
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("tierzero-benchmark");
        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext app = SpringApplication.run(TierZeroApplication.class,
                "--tierzero.data-dir=" + data, "--server.port=0",
                "--tierzero.embedded.opensearch.enabled=" + withOpenSearch,
                "--logging.level.root=WARN")) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heapBefore = usedHeapAfterGc(memory);

            long tasksBefore = countTasks(jdbc);
            Timestamp runStartTime = new Timestamp(System.currentTimeMillis());
            long runStart = System.nanoTime();
            List<Long> apiLatencies = submit(port);
            double submitSeconds = (System.nanoTime() - runStart) / 1e9;
            waitUntilAllQueued(jdbc, tasksBefore + tickets, runStart);
            double totalSeconds = (System.nanoTime() - runStart) / 1e9;
            List<Long> queueLatencies = jdbc.sql("""
                            select (extract(epoch from (h.created_at - t.created_at)) * 1000)::bigint
                            from tickets t join human_tasks h on h.ticket_id = t.ticket_id where t.created_at >= ?""")
                    .param(runStartTime).query(Long.class).list();
            long heapAfter = usedHeapAfterGc(memory);

            System.out.printf("%nTierZero intake benchmark: %d tickets, %d in flight, %s, %d cores, max heap %d MB%n",
                    tickets, concurrency, rate > 0 ? "offered at " + rate + "/s" : "as fast as accepted",
                    Runtime.getRuntime().availableProcessors(), memory.getHeapMemoryUsage().getMax() >> 20);
            System.out.printf("  embedded start (PostgreSQL, Zeebe%s, app)   %8.1f s%n", withOpenSearch ? ", OpenSearch" : "", startSeconds);
            System.out.printf("  API submissions                              %8.1f requests/s%n", tickets / submitSeconds);
            System.out.printf("  tickets through triage into a human queue    %8.1f tickets/s%n", tickets / totalSeconds);
            System.out.printf("  POST latency        p50 %6d ms  p95 %6d ms  p99 %6d ms%n",
                    Percentiles.nearestRank(apiLatencies, 50), Percentiles.nearestRank(apiLatencies, 95),
                    Percentiles.nearestRank(apiLatencies, 99));
            System.out.printf("  time to human queue p50 %6d ms  p95 %6d ms  p99 %6d ms%n",
                    Percentiles.nearestRank(queueLatencies, 50), Percentiles.nearestRank(queueLatencies, 95),
                    Percentiles.nearestRank(queueLatencies, 99));
            System.out.printf("  heap per open ticket (after GC)               %8.1f KB%n", (heapAfter - heapBefore) / 1024.0 / tickets);
        }
        return 0;
    }

    private List<Long> submit(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/tenants/demo/requests");
        Semaphore inFlight = new Semaphore(concurrency);
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (int i = 0; i < tickets; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                }
                String body = """
                        {"channel":"portal","requester":{"id":"bench-%d","email":"bench%d@demo.example"},
                         "subject":"Benchmark request %d","body":"Cannot open the shared drive from my laptop.",
                         "impact":"medium","urgency":"high"}""".formatted(i % 50, i % 50, i);
                inFlight.acquire();
                results.add(threads.submit(() -> {
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("POST returned " + response.statusCode() + ": " + response.body());
                        }
                        return (System.nanoTime() - t0) / 1_000_000;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> result : results) {
            latencies.add(result.get());
        }
        return latencies;
    }

    private static long countTasks(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from human_tasks").query(Long.class).single();
    }

    private void waitUntilAllQueued(JdbcClient jdbc, long expectedTasks, long runStart) throws InterruptedException {
        while (countTasks(jdbc) < expectedTasks) {
            if (System.nanoTime() - runStart > timeout.toNanos()) {
                throw new IllegalStateException("Not all tickets reached a human queue within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        System.gc();
        Thread.sleep(500);
        return memory.getHeapMemoryUsage().getUsed();
    }
}
