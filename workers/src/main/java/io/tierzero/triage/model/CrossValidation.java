package io.tierzero.triage.model;

import io.tierzero.knowledge.embedding.RecentEmbeddings;
import io.tierzero.knowledge.retrieval.TextEmbedder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Stratified k-fold cross-validation of the whole training procedure (vectorizer, heads, calibration): train on
 * k-1 folds, evaluate on the remaining one. Folds are stratified by the label; the runbook labels of a test fold's
 * tickets are never seen by that fold's model.
 */
public final class CrossValidation {

    public record Result(List<Evaluation> folds, Evaluation pooled, double meanTrainingSeconds) {
    }

    private CrossValidation() {
    }

    public static Result run(List<TicketText> tickets, Map<String, String> runbookById,
            List<TriageModel.RunbookExample> runbookExamples, TextEmbedder embedder, TriageModel.Settings settings,
            int k, long seed, Consumer<String> progress) {
        // every fold embeds the same texts: each is embedded once
        TextEmbedder onceEach = embedder == null ? null
                : new RecentEmbeddings(embedder, tickets.size() + runbookExamples.size());
        if (k < 2) {
            throw new InvalidDataException("--cv needs at least 2 folds");
        }
        int[] fold = stratifiedFolds(tickets.stream().map(TicketText::label).toList(), k, seed);
        List<Evaluation> results = new ArrayList<>();
        List<Evaluation.Scored> pooled = new ArrayList<>();
        double seconds = 0;
        for (int f = 0; f < k; f++) {
            List<TicketText> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < tickets.size(); i++) {
                (fold[i] == f ? test : train).add(tickets.get(i));
            }
            Map<String, String> trainRunbooks = null;
            if (runbookById != null) {
                trainRunbooks = new LinkedHashMap<>();
                for (TicketText t : train) {
                    String r = runbookById.get(t.id());
                    if (r != null) {
                        trainRunbooks.put(t.id(), r);
                    }
                }
            }
            int foldNumber = f + 1;
            Consumer<String> foldLog = progress == null ? null : s -> progress.accept("fold " + foldNumber + "/" + k + ": " + s);
            long start = System.nanoTime();
            TriageModel model = TriageModel.train(train, trainRunbooks, runbookExamples, onceEach, settings, null,
                    foldLog);
            seconds += (System.nanoTime() - start) / 1e9;
            List<Evaluation.Scored> scored = score(model, test, runbookById);
            pooled.addAll(scored);
            Evaluation e = Evaluation.of(scored);
            results.add(e);
            if (progress != null) {
                progress.accept(String.format(java.util.Locale.ROOT,
                        "fold %d/%d: accuracy %.4f, macro-F1 %.4f, runbook top-1 %.4f", foldNumber, k, e.accuracy(),
                        e.macroF1(), e.runbookTop1()));
            }
        }
        return new Result(results, Evaluation.of(pooled), seconds / k);
    }

    public static List<Evaluation.Scored> score(TriageModel model, List<TicketText> tickets, Map<String, String> runbookById) {
        List<Evaluation.Scored> scored = new ArrayList<>(tickets.size());
        for (TicketText t : tickets) {
            scored.add(new Evaluation.Scored(t.label(), runbookById == null ? null : runbookById.get(t.id()),
                    model.predict(t.text())));
        }
        return scored;
    }

    /** Fold number of each item: each label's items shuffled and dealt round-robin, continuing across labels. */
    static int[] stratifiedFolds(List<String> labels, int k, long seed) {
        Map<String, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.computeIfAbsent(labels.get(i), x -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[labels.size()];
        int next = 0;
        for (List<Integer> members : byLabel.values()) {
            Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }
}
