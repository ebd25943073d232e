package io.tierzero.triage.model;

/** Temperature scaling: the T in softmax(z / T) that minimises the negative log-likelihood of held-out data. */
public final class Calibration {
    private Calibration() {
    }

    public static double fitTemperature(double[][] logits, int[] labels) {
        if (logits.length == 0) {
            return 1.0;
        }
        // golden-section search on ln T in [ln 0.05, ln 20]; the NLL is convex in 1/T
        double lo = Math.log(0.05), hi = Math.log(20.0);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
        double fa = nll(logits, labels, Math.exp(a)), fb = nll(logits, labels, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(logits, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(logits, labels, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    public static double nll(double[][] logits, int[] labels, double temperature) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp((v - max) / temperature);
            }
            total += Math.log(sum) - (z[labels[i]] - max) / temperature;
        }
        return total / logits.length;
    }
}
