package io.tierzero.knowledge.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model, loaded for real from the classpath. */
class SentenceEmbedderTest {

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new SentenceEmbedder(EmbeddingModelSpec.ALL_MINILM_L6_V2_Q,
                Path.of(System.getProperty("java.io.tmpdir"), "tierzero-djl"), 4);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsHave384UnitLengthDimensions() {
        float[] vector = embedder.embed("My laptop does not boot");
        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
        assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void similarRequestsAreCloserThanUnrelatedOnes() {
        float[] forgot = embedder.embed("I forgot my password");
        double toReset = cosine(forgot, embedder.embed("please reset my password"));
        double toPrinter = cosine(forgot, embedder.embed("the printer on floor 2 is offline"));
        assertThat(toReset).isGreaterThan(toPrinter + 0.2);
    }

    @Test
    void germanEmptyAndGarbledTextGiveFiniteUnitVectors() {
        String garbage = "\u0000\uFFFD%$#@!~ ÿþ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \t\n" + "x".repeat(5000);
        for (String text : List.of("Passwort vergessen", "", "   ", garbage)) {
            float[] vector = embedder.embed(text);
            assertThat(vector).hasSize(384);
            for (float v : vector) {
                assertThat(Float.isFinite(v)).as("finite component for %s", text).isTrue();
            }
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void batchResultsEqualSingleResults() {
        List<String> texts = IntStream.range(0, 40)
                .mapToObj(i -> i % 3 == 0 ? "VPN drops every " + i + " minutes when I work from home" : "Ticket " + i)
                .toList();
        List<float[]> batched = embedder.embedAll(texts);
        assertThat(batched).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batched.get(i)).containsExactly(embedder.embed(texts.get(i)), within(1e-5f));
        }
    }

    @Test
    void parallelThreadsGetTheSameVectors() throws Exception {
        List<String> texts = List.of("Outlook keeps asking for my password", "Need access to the finance share",
                "Monitor flickers", "Passwort vergessen", "");
        List<float[]> expected = texts.stream().map(embedder::embed).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    List<float[]> vectors = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        texts.forEach(text -> vectors.add(embedder.embed(text)));
                    }
                    return vectors;
                }));
            }
            for (Future<List<float[]>> result : results) {
                List<float[]> vectors = result.get();
                for (int i = 0; i < vectors.size(); i++) {
                    assertThat(vectors.get(i)).containsExactly(expected.get(i % texts.size()), within(1e-6f));
                }
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += x * x;
        }
        return Math.sqrt(squares);
    }
}
