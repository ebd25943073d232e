package io.tierzero.triage.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * TF-IDF over the hashed features of {@link TextFeatures}: sublinear term frequency (1 + ln tf), smoothed idf
 * ln((1 + n) / (1 + df)) + 1, features seen in fewer than {@code minDf} training documents dropped. The word
 * block and the character block are L2-normalised separately and each scaled by 1/sqrt(2), so the whole
 * vector has unit length and neither block drowns the other.
 */
public final class TfidfVectorizer {
    private final int[] hashes;     // hashed feature id of each kept feature, sorted
    private final float[] idf;
    private final int[] lookup;     // hashed feature id -> compact index, -1 when not kept

    private TfidfVectorizer(int[] hashes, float[] idf) {
        this.hashes = hashes;
        this.idf = idf;
        this.lookup = new int[2 * TextFeatures.BLOCK];
        Arrays.fill(lookup, -1);
        for (int i = 0; i < hashes.length; i++) {
            lookup[hashes[i]] = i;
        }
    }

    public static TfidfVectorizer fit(List<String> texts, int minDf) {
        int[] df = new int[2 * TextFeatures.BLOCK];
        for (String text : texts) {
            List<String> tokens = TextFeatures.tokens(text);
            countDistinct(TextFeatures.wordHashes(tokens), df);
            countDistinct(TextFeatures.charHashes(tokens), df);
        }
        int kept = 0;
        for (int d : df) {
            if (d >= minDf) {
                kept++;
            }
        }
        int[] hashes = new int[kept];
        float[] idf = new float[kept];
        int n = texts.size();
        int k = 0;
        for (int h = 0; h < df.length; h++) {
            if (df[h] >= minDf) {
                hashes[k] = h;
                idf[k] = (float) (Math.log((1.0 + n) / (1.0 + df[h])) + 1.0);
                k++;
            }
        }
        return new TfidfVectorizer(hashes, idf);
    }

    private static void countDistinct(int[] sorted, int[] df) {
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                df[sorted[i]]++;
            }
        }
    }

    public int dimensions() {
        return hashes.length;
    }

    public SparseVector transform(String text) {
        List<String> tokens = TextFeatures.tokens(text);
        int[] w = TextFeatures.wordHashes(tokens);
        int[] c = TextFeatures.charHashes(tokens);
        int[] idx = new int[w.length + c.length];
        float[] val = new float[w.length + c.length];
        int n = block(w, idx, val, 0);
        int m = block(c, idx, val, n);
        idx = Arrays.copyOf(idx, m);
        val = Arrays.copyOf(val, m);
        // compact indices follow hash order, so the word block precedes the char block and each is sorted
        return new SparseVector(idx, val);
    }

    private int block(int[] sortedHashes, int[] idx, float[] val, int start) {
        int n = start;
        int i = 0;
        while (i < sortedHashes.length) {
            int j = i;
            while (j < sortedHashes.length && sortedHashes[j] == sortedHashes[i]) {
                j++;
            }
            int f = lookup[sortedHashes[i]];
            if (f >= 0) {
                idx[n] = f;
                val[n] = (float) ((1.0 + Math.log(j - i)) * idf[f]);
                n++;
            }
            i = j;
        }
        double norm = 0;
        for (int k = start; k < n; k++) {
            norm += val[k] * val[k];
        }
        if (norm > 0) {
            float scale = (float) (1.0 / Math.sqrt(norm) / Math.sqrt(2.0));
            for (int k = start; k < n; k++) {
                val[k] *= scale;
            }
        }
        return n;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            out.writeInt(hashes[i]);
            out.writeFloat(idf[i]);
        }
    }

    static TfidfVectorizer read(DataInputStream in) throws IOException {
        int n = in.readInt();
        int[] hashes = new int[n];
        float[] idf = new float[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = in.readInt();
            idf[i] = in.readFloat();
        }
        return new TfidfVectorizer(hashes, idf);
    }
}
