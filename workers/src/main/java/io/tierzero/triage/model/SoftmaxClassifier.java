package io.tierzero.triage.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Multinomial logistic regression on sparse vectors, trained by stochastic gradient descent with AdaGrad
 * step sizes and an L2 penalty (applied to the weights an example touches). Probabilities are
 * softmax(logits / temperature); the temperature is fitted afterwards on held-out data ({@link #calibrate}).
 */
public final class SoftmaxClassifier {

    /** Training settings. {@code l2} is per example; {@code learningRate} is AdaGrad's base step. */
    public record Options(int epochs, double learningRate, double l2, long seed) {
        public static Options defaults() {
            return new Options(25, 0.2, 1e-4, 42L);
        }
    }

    private final int features;
    private final int classes;
    private final float[] weights; // features x classes, row-major
    private final float[] bias;
    private double temperature = 1.0;

    private SoftmaxClassifier(int features, int classes, float[] weights, float[] bias) {
        this.features = features;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    public int classes() {
        return classes;
    }

    public double temperature() {
        return temperature;
    }

    public static SoftmaxClassifier train(List<SparseVector> xs, int[] ys, int features, int classes, Options options,
            Consumer<String> progress, String name) {
        if (xs.size() != ys.length || xs.isEmpty()) {
            throw new InvalidDataException("no training examples for " + name);
        }
        float[] w = new float[features * classes];
        float[] g2 = new float[features * classes];
        float[] b = new float[classes];
        float[] bg2 = new float[classes];
        SoftmaxClassifier model = new SoftmaxClassifier(features, classes, w, b);
        int[] order = new int[xs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed());
        double[] p = new double[classes];
        float[] g = new float[classes];
        float lr = (float) options.learningRate();
        float l2 = (float) options.l2();
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double loss = 0;
            int correct = 0;
            for (int i : order) {
                SparseVector x = xs.get(i);
                model.logits(x, p);
                int argmax = argmax(p);
                softmaxInPlace(p, 1.0);
                int y = ys[i];
                loss -= Math.log(Math.max(p[y], 1e-12));
                if (argmax == y) {
                    correct++;
                }
                for (int k = 0; k < classes; k++) {
                    g[k] = (float) (p[k] - (k == y ? 1.0 : 0.0));
                    bg2[k] += g[k] * g[k];
                    b[k] -= lr * g[k] / ((float) Math.sqrt(bg2[k]) + 1e-8f);
                }
                int[] idx = x.indices();
                float[] val = x.values();
                for (int n = 0; n < idx.length; n++) {
                    int base = idx[n] * classes;
                    float v = val[n];
                    for (int k = 0; k < classes; k++) {
                        if (Math.abs(g[k]) < 1e-5f) {
                            continue; // nothing to learn for this class from this example
                        }
                        int at = base + k;
                        float grad = g[k] * v + l2 * w[at];
                        g2[at] += grad * grad;
                        w[at] -= lr * grad / ((float) Math.sqrt(g2[at]) + 1e-8f);
                    }
                }
            }
            if (progress != null) {
                progress.accept(String.format(java.util.Locale.ROOT, "%s: epoch %d/%d, loss %.4f, train accuracy %.4f",
                        name, epoch, options.epochs(), loss / order.length, (double) correct / order.length));
            }
        }
        return model;
    }

    /** Raw scores (before temperature) into {@code out}. */
    void logits(SparseVector x, double[] out) {
        for (int k = 0; k < classes; k++) {
            out[k] = bias[k];
        }
        int[] idx = x.indices();
        float[] val = x.values();
        for (int n = 0; n < idx.length; n++) {
            int base = idx[n] * classes;
            double v = val[n];
            for (int k = 0; k < classes; k++) {
                out[k] += v * weights[base + k];
            }
        }
    }

    public double[] logits(SparseVector x) {
        double[] out = new double[classes];
        logits(x, out);
        return out;
    }

    /** Calibrated probabilities: softmax(logits / temperature). */
    public double[] probabilities(SparseVector x) {
        double[] z = logits(x);
        softmaxInPlace(z, temperature);
        return z;
    }

    /** Fits the temperature by minimising the negative log-likelihood of held-out examples; returns it. */
    public double calibrate(List<SparseVector> xs, int[] ys) {
        double[][] z = new double[xs.size()][];
        for (int i = 0; i < z.length; i++) {
            z[i] = logits(xs.get(i));
        }
        temperature = Calibration.fitTemperature(z, ys);
        return temperature;
    }

    void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    static void softmaxInPlace(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp((z[k] - max) / temperature);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(features);
        out.writeInt(classes);
        out.writeDouble(temperature);
        for (float v : bias) {
            out.writeFloat(v);
        }
        for (float v : weights) {
            out.writeFloat(v);
        }
    }

    static SoftmaxClassifier read(DataInputStream in) throws IOException {
        int features = in.readInt();
        int classes = in.readInt();
        double temperature = in.readDouble();
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readFloat();
        }
        float[] weights = new float[features * classes];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        SoftmaxClassifier model = new SoftmaxClassifier(features, classes, weights, bias);
        model.temperature = temperature;
        return model;
    }
}
