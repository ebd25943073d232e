package io.tierzero.triage.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tierzero.knowledge.retrieval.TextEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The ticket classifier: a TF-IDF vectorizer, a label head (assignment group or category) and, when runbook
 * labels were given, a runbook head. Both heads see the TF-IDF features and, when trained with an embedder, the
 * ticket's sentence embedding, which carries meaning across words the training tickets never used. The runbook
 * head learns from the runbook-labelled tickets and from the runbooks' own typical phrasings
 * ({@link RunbookExample}): a few hundred labelled tickets alone are too few. Each head is a {@link SoftmaxClassifier} whose temperature is
 * fitted on a stratified held-out 15% of its labelled tickets; the head is then refitted on all of its data with
 * the same settings and keeps that temperature. Saved as {@code model.json} (metadata) and {@code weights.bin}
 * (vectorizer and weights); a model with an embedding needs the same embedding model to load.
 */
public final class TriageModel {
    public static final String NO_RUNBOOK = "none";
    static final int FORMAT = 2;
    static final double HOLDOUT = 0.15;

    /** How to train. */
    public record Settings(String labelColumn, List<String> textColumns, int minDf, SoftmaxClassifier.Options options,
            boolean refit) {
        public static Settings of(String labelColumn, List<String> textColumns) {
            return new Settings(labelColumn, textColumns, 2, SoftmaxClassifier.Options.defaults(), true);
        }
    }

    /** The JSON side of a saved model. {@code embeddingModel} is null when the model uses no embedding. */
    public record Metadata(int format, String labelColumn, List<String> textColumns, List<String> labels,
            List<String> runbooks, double labelTemperature, Double runbookTemperature, int features,
            int trainingTickets, int runbookTickets, int runbookExamples, String embeddingModel,
            String trainingDataSha256, String createdAt, Map<String, Object> metrics) {
    }

    /** A text known to need a runbook, such as one of the runbook's typical phrasings. */
    public record RunbookExample(String runbook, String text) {
    }

    private final Metadata metadata;
    private final TfidfVectorizer vectorizer;
    private final SoftmaxClassifier labelHead;
    private final SoftmaxClassifier runbookHead;
    private final TextEmbedder embedder;

    private TriageModel(Metadata metadata, TfidfVectorizer vectorizer, SoftmaxClassifier labelHead,
            SoftmaxClassifier runbookHead, TextEmbedder embedder) {
        this.metadata = metadata;
        this.vectorizer = vectorizer;
        this.labelHead = labelHead;
        this.runbookHead = runbookHead;
        this.embedder = embedder;
    }

    public Metadata metadata() {
        return metadata;
    }

    public boolean hasRunbookHead() {
        return runbookHead != null;
    }

    /** Trains on labelled tickets only: no runbook head. */
    public static TriageModel train(List<TicketText> tickets, Settings settings, String trainingDataSha256,
            Consumer<String> progress) {
        return train(tickets, null, List.of(), null, settings, trainingDataSha256, progress);
    }

    /**
     * Trains on labelled tickets; {@code runbookById} (may be null or empty) gives the runbook of some of them,
     * {@code runbookExamples} more texts per runbook, and {@code embedder} (may be null) the sentence embedding both
     * heads see.
     */
    public static TriageModel train(List<TicketText> tickets, Map<String, String> runbookById,
            List<RunbookExample> runbookExamples, TextEmbedder embedder, Settings settings, String trainingDataSha256,
            Consumer<String> progress) {
        Consumer<String> log = progress != null ? progress : s -> { };
        long start = System.nanoTime();
        List<String> texts = tickets.stream().map(TicketText::text).toList();
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(texts, settings.minDf());
        int dimensions = vectorizer.dimensions() + (embedder != null ? embedder.dimensions() : 0);
        List<SparseVector> xs = new ArrayList<>(texts.size());
        for (String text : texts) {
            xs.add(features(vectorizer, embedder, text));
            if (embedder != null && xs.size() % 1000 == 0) {
                log.accept(String.format(Locale.ROOT, "embedded %d/%d tickets", xs.size(), texts.size()));
            }
        }
        log.accept(String.format(Locale.ROOT, "features: %d tickets, %d TF-IDF features%s (%.1f s)", tickets.size(),
                vectorizer.dimensions(), embedder != null ? " + " + embedder.modelId() + " embedding" : "",
                (System.nanoTime() - start) / 1e9));

        List<String> labels = new ArrayList<>(new TreeSet<>(tickets.stream().map(TicketText::label).toList()));
        int[] ys = encode(tickets.stream().map(TicketText::label).toList(), labels);
        Map<String, Object> metrics = new LinkedHashMap<>();
        SoftmaxClassifier labelHead = trainHead("label", xs, ys, List.of(), new int[0], labels.size(), dimensions,
                settings, metrics, log);

        SoftmaxClassifier runbookHead = null;
        List<String> runbooks = List.of();
        int runbookTickets = 0;
        if (runbookById != null && !runbookById.isEmpty()) {
            List<SparseVector> rx = new ArrayList<>();
            List<String> rl = new ArrayList<>();
            for (int i = 0; i < tickets.size(); i++) {
                String runbook = runbookById.get(tickets.get(i).id());
                if (runbook != null) {
                    rx.add(xs.get(i));
                    rl.add(runbook);
                }
            }
            if (rx.isEmpty()) {
                throw new InvalidDataException("no ticket id of the runbook labels occurs in the training tickets");
            }
            runbookTickets = rx.size();
            List<SparseVector> ex = new ArrayList<>();
            List<String> el = new ArrayList<>();
            for (RunbookExample example : runbookExamples) {
                ex.add(features(vectorizer, embedder, example.text()));
                el.add(example.runbook());
            }
            TreeSet<String> names = new TreeSet<>(rl);
            names.addAll(el);
            runbooks = new ArrayList<>(names);
            log.accept(String.format(Locale.ROOT, "runbook head: %d labelled tickets, %d runbook examples", rx.size(),
                    ex.size()));
            runbookHead = trainHead("runbook", rx, encode(rl, runbooks), ex, encode(el, runbooks), runbooks.size(),
                    dimensions, settings, metrics, log);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        metrics.put("training_seconds", Math.round(seconds * 10) / 10.0);
        log.accept(String.format(Locale.ROOT, "trained in %.1f s", seconds));
        Metadata metadata = new Metadata(FORMAT, settings.labelColumn(), List.copyOf(settings.textColumns()), labels,
                runbooks, labelHead.temperature(), runbookHead != null ? runbookHead.temperature() : null,
                vectorizer.dimensions(), tickets.size(), runbookTickets, runbookHead != null ? runbookExamples.size() : 0,
                embedder != null ? embedder.modelId() : null, trainingDataSha256, Instant.now().toString(), metrics);
        return new TriageModel(metadata, vectorizer, labelHead, runbookHead, embedder);
    }

    /** Trains a head on tickets {@code xs} (15% held out for calibration) and {@code extraXs} (always trained on). */
    private static SoftmaxClassifier trainHead(String name, List<SparseVector> xs, int[] ys, List<SparseVector> extraXs,
            int[] extraYs, int classes, int features, Settings settings, Map<String, Object> metrics, Consumer<String> log) {
        boolean[] heldOut = stratifiedHoldout(ys, classes, HOLDOUT, settings.options().seed());
        List<SparseVector> trainX = new ArrayList<>(extraXs), calX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>(), calY = new ArrayList<>();
        for (int y : extraYs) {
            trainY.add(y);
        }
        for (int i = 0; i < ys.length; i++) {
            (heldOut[i] ? calX : trainX).add(xs.get(i));
            (heldOut[i] ? calY : trainY).add(ys[i]);
        }
        int[] calYs = calY.stream().mapToInt(Integer::intValue).toArray();
        SoftmaxClassifier head = SoftmaxClassifier.train(trainX, trainY.stream().mapToInt(Integer::intValue).toArray(),
                features, classes, settings.options(), log, name + " (85% for calibration)");
        double temperature = 1.0;
        if (!calX.isEmpty()) {
            double[][] z = calX.stream().map(head::logits).toArray(double[][]::new);
            double nllBefore = Calibration.nll(z, calYs, 1.0);
            temperature = head.calibrate(calX, calYs);
            double nllAfter = Calibration.nll(z, calYs, temperature);
            int correct = 0;
            for (int i = 0; i < z.length; i++) {
                if (SoftmaxClassifier.argmax(z[i]) == calYs[i]) {
                    correct++;
                }
            }
            double accuracy = (double) correct / z.length;
            metrics.put(name + "_calibration_examples", z.length);
            metrics.put(name + "_calibration_accuracy", round4(accuracy));
            metrics.put(name + "_calibration_nll_before", round4(nllBefore));
            metrics.put(name + "_calibration_nll_after", round4(nllAfter));
            metrics.put(name + "_temperature", round4(temperature));
            log.accept(String.format(Locale.ROOT, "%s: held-out %d, accuracy %.4f, temperature %.3f, NLL %.4f -> %.4f",
                    name, z.length, accuracy, temperature, nllBefore, nllAfter));
        }
        if (settings.refit() && !calX.isEmpty()) {
            List<SparseVector> allX = new ArrayList<>(extraXs);
            allX.addAll(xs);
            int[] allY = new int[extraYs.length + ys.length];
            System.arraycopy(extraYs, 0, allY, 0, extraYs.length);
            System.arraycopy(ys, 0, allY, extraYs.length, ys.length);
            head = SoftmaxClassifier.train(allX, allY, features, classes, settings.options(), log, name + " (all)");
        }
        head.setTemperature(temperature);
        return head;
    }

    /** Marks about {@code share} of each class (never its last example) as held out. */
    static boolean[] stratifiedHoldout(int[] ys, int classes, double share, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < ys.length; i++) {
            byClass.get(ys[i]).add(i);
        }
        Random random = new Random(seed);
        boolean[] out = new boolean[ys.length];
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            int take = (int) Math.min(Math.round(members.size() * share), members.size() - 1L);
            for (int i = 0; i < take; i++) {
                out[members.get(i)] = true;
            }
        }
        return out;
    }

    private static int[] encode(List<String> values, List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        return values.stream().mapToInt(index::get).toArray();
    }

    public Prediction predict(String text) {
        return predict(text, AutomationPolicy.DEFAULT);
    }

    /**
     * Classifies one text. A text without a single word or character n-gram seen in training (garbled, empty, or
     * in a script the model never saw) gets confidence 0 for both heads: the model has no evidence, only priors.
     */
    public Prediction predict(String text, AutomationPolicy policy) {
        SparseVector x = features(vectorizer, embedder, text);
        boolean evidence = x.size() > (embedder != null ? embedder.dimensions() : 0);
        double[] p = labelHead.probabilities(x);
        int[] top = topK(p, 3);
        List<String> topLabels = new ArrayList<>();
        for (int k : top) {
            topLabels.add(metadata.labels().get(k));
        }
        String label = topLabels.get(0);
        double labelConfidence = evidence ? p[top[0]] : 0.0;
        if (runbookHead == null) {
            return new Prediction(label, labelConfidence, topLabels, null, 0.0, List.of(), false);
        }
        double[] r = runbookHead.probabilities(x);
        int[] rtop = topK(r, 3);
        List<String> top3 = new ArrayList<>();
        for (int k : rtop) {
            top3.add(metadata.runbooks().get(k));
        }
        String runbook = top3.get(0);
        double runbookConfidence = evidence ? r[rtop[0]] : 0.0;
        return new Prediction(label, labelConfidence, topLabels, runbook, runbookConfidence, top3,
                policy.automate(runbook, runbookConfidence));
    }

    /** Label probabilities in the order of {@code metadata().labels()}; sums to 1. */
    public double[] labelProbabilities(String text) {
        return labelHead.probabilities(features(vectorizer, embedder, text));
    }

    /** The TF-IDF features, followed by the text's embedding when the model has one. */
    private static SparseVector features(TfidfVectorizer vectorizer, TextEmbedder embedder, String text) {
        SparseVector tfidf = vectorizer.transform(text);
        if (embedder == null) {
            return tfidf;
        }
        int offset = vectorizer.dimensions();
        float[] embedding = embedder.embed(text == null ? "" : text);
        int n = tfidf.size();
        int[] idx = Arrays.copyOf(tfidf.indices(), n + embedding.length);
        float[] val = Arrays.copyOf(tfidf.values(), n + embedding.length);
        for (int i = 0; i < embedding.length; i++) {
            idx[n + i] = offset + i;
            val[n + i] = embedding[i];
        }
        return new SparseVector(idx, val);
    }

    static int[] topK(double[] p, int k) {
        int n = Math.min(k, p.length);
        int[] out = new int[n];
        boolean[] used = new boolean[p.length];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int j = 0; j < p.length; j++) {
                if (!used[j] && (best < 0 || p[j] > p[best])) {
                    best = j;
                }
            }
            used[best] = true;
            out[i] = best;
        }
        return out;
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            json().writeValue(dir.resolve("model.json").toFile(), metadata);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("weights.bin")), 1 << 16))) {
                out.writeInt(FORMAT);
                vectorizer.write(out);
                labelHead.write(out);
                out.writeBoolean(runbookHead != null);
                if (runbookHead != null) {
                    runbookHead.write(out);
                }
            }
        } catch (IOException e) {
            throw new InvalidDataException("cannot write the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads a saved model whose runbook head uses no embedding. */
    public static TriageModel load(Path dir) {
        return load(dir, null);
    }

    /** The metadata of a saved model, without loading its weights. */
    public static Metadata readMetadata(Path dir) {
        Path meta = dir.resolve("model.json");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(dir.resolve("weights.bin"))) {
            throw new InvalidDataException("no model in " + dir + " (expected model.json and weights.bin)");
        }
        try {
            Metadata metadata = json().readValue(meta.toFile(), Metadata.class);
            if (metadata.format() != FORMAT) {
                throw new InvalidDataException("model in " + dir + " has format " + metadata.format() + ", expected "
                        + FORMAT + ": train it again");
            }
            return metadata;
        } catch (IOException e) {
            throw new InvalidDataException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a saved model; {@code embedder} must be the embedding model it was trained with when
     * {@code metadata().embeddingModel()} is set, and is ignored otherwise.
     */
    public static TriageModel load(Path dir, TextEmbedder embedder) {
        Metadata metadata = readMetadata(dir);
        Path weights = dir.resolve("weights.bin");
        if (metadata.embeddingModel() != null
                && (embedder == null || !metadata.embeddingModel().equals(embedder.modelId()))) {
            throw new InvalidDataException("the model in " + dir + " needs the embedding model "
                    + metadata.embeddingModel() + (embedder == null ? "" : ", not " + embedder.modelId()));
        }
        try {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights), 1 << 16))) {
                int format = in.readInt();
                if (format != FORMAT) {
                    throw new InvalidDataException("model in " + dir + " has format " + format + ", expected " + FORMAT);
                }
                TfidfVectorizer vectorizer = TfidfVectorizer.read(in);
                SoftmaxClassifier labelHead = SoftmaxClassifier.read(in);
                SoftmaxClassifier runbookHead = in.readBoolean() ? SoftmaxClassifier.read(in) : null;
                return new TriageModel(metadata, vectorizer, labelHead, runbookHead,
                        metadata.embeddingModel() != null ? embedder : null);
            }
        } catch (IOException e) {
            throw new InvalidDataException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }
}
