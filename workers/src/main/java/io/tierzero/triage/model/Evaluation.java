package io.tierzero.triage.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Quality numbers of a model on labelled tickets.
 * <ul>
 * <li>coverage at precision p: the largest share of tickets kept by a confidence threshold (keep every ticket
 * whose confidence is at or above it) such that the accuracy of the kept tickets is at least p;</li>
 * <li>runbook top-1 and recall@3: over the tickets that have a runbook label;</li>
 * <li>automation precision: of the runbook-labelled tickets the policy automates, the share whose runbook label
 * is the predicted runbook; automation coverage: of the tickets labelled with a runbook other than
 * {@code none}, the share automated with that runbook.</li>
 * </ul>
 */
public record Evaluation(int tickets, double accuracy, double macroF1, List<ClassStats> perClass,
        double coverageAt90, double coverageAt95, double coverageAt97, int runbookTickets, double runbookTop1,
        double runbookRecallAt3, int automated, double automationPrecision, double automationCoverage,
        List<AutomationAt> automationByThreshold) {

    /** Runbook-confidence thresholds a tenant might choose, to show what each would automate. */
    static final double[] THRESHOLDS = {0.70, 0.80, 0.90, 0.95};

    /** What a runbook-confidence threshold would automate: how many tickets, at what precision and coverage. */
    public record AutomationAt(double threshold, int automated, double precision, double coverage) {
    }

    public record ClassStats(String label, int support, int predicted, double precision, double recall, double f1) {
    }

    /** One scored ticket: its true label, true runbook (null when unknown) and the prediction. */
    public record Scored(String label, String runbook, Prediction prediction) {
    }

    public static Evaluation of(List<Scored> scored) {
        int n = scored.size();
        int correct = 0;
        double[] confidence = new double[n];
        boolean[] right = new boolean[n];
        Map<String, int[]> counts = new TreeMap<>(); // label -> {tp, support, predicted}
        for (int i = 0; i < n; i++) {
            Scored s = scored.get(i);
            String predicted = s.prediction().label();
            right[i] = predicted.equals(s.label());
            confidence[i] = s.prediction().labelConfidence();
            if (right[i]) {
                correct++;
                counts.computeIfAbsent(predicted, k -> new int[3])[0]++;
            }
            counts.computeIfAbsent(s.label(), k -> new int[3])[1]++;
            counts.computeIfAbsent(predicted, k -> new int[3])[2]++;
        }
        List<ClassStats> perClass = new ArrayList<>();
        double f1Sum = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            double precision = c[2] == 0 ? 0 : (double) c[0] / c[2];
            double recall = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            perClass.add(new ClassStats(e.getKey(), c[1], c[2], precision, recall, f1));
        }
        int rn = 0, top1 = 0, top3 = 0, automated = 0, automatedRight = 0, actionable = 0;
        for (Scored s : scored) {
            Prediction p = s.prediction();
            if (s.runbook() == null || p.runbook() == null) {
                continue;
            }
            rn++;
            if (p.runbook().equals(s.runbook())) {
                top1++;
            }
            if (p.runbooksTop3().contains(s.runbook())) {
                top3++;
            }
            if (!TriageModel.NO_RUNBOOK.equals(s.runbook())) {
                actionable++;
            }
            if (p.automate()) {
                automated++;
                if (p.runbook().equals(s.runbook())) {
                    automatedRight++;
                }
            }
        }
        return new Evaluation(n, n == 0 ? 0 : (double) correct / n, perClass.isEmpty() ? 0 : f1Sum / perClass.size(),
                perClass, coverageAtPrecision(confidence, right, 0.90), coverageAtPrecision(confidence, right, 0.95),
                coverageAtPrecision(confidence, right, 0.97), rn, ratio(top1, rn), ratio(top3, rn), automated,
                ratio(automatedRight, automated), ratio(automatedRight, actionable), automationByThreshold(scored));
    }

    static List<AutomationAt> automationByThreshold(List<Scored> scored) {
        List<AutomationAt> out = new ArrayList<>();
        for (double threshold : THRESHOLDS) {
            AutomationPolicy policy = new AutomationPolicy(threshold);
            int automated = 0, right = 0, actionable = 0;
            for (Scored s : scored) {
                Prediction p = s.prediction();
                if (s.runbook() == null || p.runbook() == null) {
                    continue;
                }
                if (!TriageModel.NO_RUNBOOK.equals(s.runbook())) {
                    actionable++;
                }
                if (policy.automate(p.runbook(), p.runbookConfidence())) {
                    automated++;
                    if (p.runbook().equals(s.runbook())) {
                        right++;
                    }
                }
            }
            if (actionable > 0) {
                out.add(new AutomationAt(threshold, automated, ratio(right, automated), ratio(right, actionable)));
            }
        }
        return out;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /**
     * The largest share of tickets kept by some threshold t (kept: confidence >= t) whose precision is at
     * least {@code target}; 0 when no threshold reaches it.
     */
    public static double coverageAtPrecision(double[] confidence, boolean[] correct, double target) {
        int n = confidence.length;
        if (n == 0) {
            return 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> confidence[i]).reversed());
        int kept = 0, right = 0, best = 0;
        for (int i = 0; i < n; i++) {
            kept++;
            if (correct[order[i]]) {
                right++;
            }
            boolean cutHere = i == n - 1 || confidence[order[i + 1]] < confidence[order[i]];
            if (cutHere && right >= target * kept - 1e-12) {
                best = kept;
            }
        }
        return (double) best / n;
    }

    /** The numbers as text; with {@code perClass} the per-class precision/recall table too. */
    public String format(boolean withPerClass) {
        StringBuilder out = new StringBuilder();
        line(out, "tickets", String.valueOf(tickets));
        line(out, "accuracy", f(accuracy));
        line(out, "macro-F1", f(macroF1));
        line(out, "coverage at precision 0.90", f(coverageAt90));
        line(out, "coverage at precision 0.95", f(coverageAt95));
        line(out, "coverage at precision 0.97", f(coverageAt97));
        appendRunbook(out, runbookTickets, runbookTop1, runbookRecallAt3, automated, automationPrecision, automationCoverage);
        for (AutomationAt at : automationByThreshold) {
            line(out, String.format(Locale.ROOT, "  at runbook confidence >= %.2f: automated / precision / coverage",
                    at.threshold()), String.format(Locale.ROOT, "%d / %s / %s", at.automated(), f(at.precision()),
                    f(at.coverage())));
        }
        if (withPerClass) {
            appendPerClass(out, perClass);
        }
        return out.toString();
    }

    static void appendRunbook(StringBuilder out, double runbookTickets, double top1, double recall3, double automated,
            double precision, double coverage) {
        if (runbookTickets == 0) {
            line(out, "runbook", "n/a (no runbook head or no runbook-labelled tickets)");
            return;
        }
        line(out, "runbook-labelled tickets", String.format(Locale.ROOT, "%.1f", runbookTickets));
        line(out, "runbook top-1", f(top1));
        line(out, "runbook recall@3", f(recall3));
        line(out, "automated (runbook != none, runbook confidence >= " + defaultThreshold() + ")",
                String.format(Locale.ROOT, "%.1f", automated));
        line(out, "automation precision", f(precision));
        line(out, "automation coverage", f(coverage));
    }

    private static String defaultThreshold() {
        return String.format(Locale.ROOT, "%.2f", AutomationPolicy.DEFAULT.minRunbookConfidence());
    }

    static void appendPerClass(StringBuilder out, List<ClassStats> perClass) {
        out.append(String.format(Locale.ROOT, "%n%-28s %8s %9s %9s %9s %9s%n", "class", "support", "predicted",
                "precision", "recall", "F1"));
        List<ClassStats> sorted = new ArrayList<>(perClass);
        sorted.sort(Comparator.comparingInt(ClassStats::support).reversed().thenComparing(ClassStats::label));
        for (ClassStats c : sorted) {
            out.append(String.format(Locale.ROOT, "%-28s %8d %9d %9.4f %9.4f %9.4f%n", c.label(), c.support(),
                    c.predicted(), c.precision(), c.recall(), c.f1()));
        }
    }

    /** The mean (and standard deviation) of the numbers of several folds. */
    public static String formatMean(List<Evaluation> folds) {
        StringBuilder out = new StringBuilder();
        line(out, "folds", String.valueOf(folds.size()));
        line(out, "tickets per fold", meanSd(folds, e -> (double) e.tickets()));
        line(out, "accuracy", meanSd(folds, Evaluation::accuracy));
        line(out, "macro-F1", meanSd(folds, Evaluation::macroF1));
        line(out, "coverage at precision 0.90", meanSd(folds, Evaluation::coverageAt90));
        line(out, "coverage at precision 0.95", meanSd(folds, Evaluation::coverageAt95));
        line(out, "coverage at precision 0.97", meanSd(folds, Evaluation::coverageAt97));
        if (folds.stream().allMatch(e -> e.runbookTickets() > 0)) {
            line(out, "runbook-labelled tickets per fold", meanSd(folds, e -> (double) e.runbookTickets()));
            line(out, "runbook top-1", meanSd(folds, Evaluation::runbookTop1));
            line(out, "runbook recall@3", meanSd(folds, Evaluation::runbookRecallAt3));
            line(out, "automated per fold (runbook != none, runbook confidence >= " + defaultThreshold() + ")",
                    meanSd(folds, e -> (double) e.automated()));
            line(out, "automation precision", meanSd(folds, Evaluation::automationPrecision));
            line(out, "automation coverage", meanSd(folds, Evaluation::automationCoverage));
        } else {
            line(out, "runbook", "n/a (no runbook head or no runbook-labelled tickets)");
        }
        return out.toString();
    }

    private static String meanSd(List<Evaluation> folds, Function<Evaluation, Double> metric) {
        double[] v = folds.stream().map(metric).mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return "n/a";
        }
        double mean = Arrays.stream(v).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(v).map(d -> (d - mean) * (d - mean)).sum() / Math.max(1, v.length - 1));
        return String.format(Locale.ROOT, "%.4f (sd %.4f%s)", mean, sd,
                v.length < folds.size() ? ", over " + v.length + " folds with data" : "");
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-40s %s%n", name, value));
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
