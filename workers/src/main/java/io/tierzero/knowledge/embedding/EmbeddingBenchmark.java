package io.tierzero.knowledge.embedding;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Loads the embedding model and prints its load time, single-text latency and batched throughput. */
@Command(name = "tierzero embedding-benchmark", mixinStandardHelpOptions = true,
        description = "Embeds texts from a CSV file and prints load time, latency and throughput.")
public class EmbeddingBenchmark implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "CSV file with a header row")
    Path in;

    @Option(names = "--columns", split = ",", defaultValue = "Short description,Description",
            description = "Columns joined into one text (default ${DEFAULT-VALUE})")
    List<String> columns;

    @Option(names = "--sentences", defaultValue = "2000", description = "Texts to embed (default ${DEFAULT-VALUE})")
    int sentences;

    @Option(names = "--model", defaultValue = "all-minilm-l6-v2-q", description = "Model id (default ${DEFAULT-VALUE})")
    String model;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmbeddingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> texts = readTexts();
        EmbeddingProperties properties = new EmbeddingProperties(model, null, null, null);
        long loadStart = System.nanoTime();
        try (SentenceEmbedder embedder = new SentenceEmbedder(properties.spec(), properties.cacheDir(), 1)) {
            double loadMillis = (System.nanoTime() - loadStart) / 1e6;
            embedder.embedAll(texts.subList(0, Math.min(64, texts.size()))); // warm-up

            long[] latencies = new long[Math.min(texts.size(), 500)];
            for (int i = 0; i < latencies.length; i++) {
                long start = System.nanoTime();
                embedder.embed(texts.get(i));
                latencies[i] = System.nanoTime() - start;
            }
            Arrays.sort(latencies);

            long batchStart = System.nanoTime();
            embedder.embedAll(texts);
            double batchSeconds = (System.nanoTime() - batchStart) / 1e9;

            System.out.printf("%nEmbedding benchmark: model %s (%d dimensions), %d texts from %s, %d cores%n",
                    embedder.modelId(), embedder.dimensions(), texts.size(), in.getFileName(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  model load                        %8.0f ms%n", loadMillis);
            System.out.printf("  single text latency  p50 %6.1f ms  p95 %6.1f ms  (%d texts)%n",
                    latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.95)] / 1e6,
                    latencies.length);
            System.out.printf("  embedAll, batches of %d          %8.0f texts/s%n", SentenceEmbedder.BATCH_SIZE,
                    texts.size() / batchSeconds);
        }
        return 0;
    }

    private List<String> readTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(in)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                texts.add(String.join("\n", columns.stream().map(row::get).toList()).strip());
                if (texts.size() == sentences) {
                    break;
                }
            }
        }
        if (texts.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), in + " has no rows");
        }
        return texts;
    }
}
