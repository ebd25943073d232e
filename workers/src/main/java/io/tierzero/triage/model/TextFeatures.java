package io.tierzero.triage.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text normalisation and hashed n-gram extraction. Text is lower-cased, URLs become a placeholder (e-mail
 * addresses stay: their parts name the sender, such as a monitoring tool or a requester), every run of digits becomes one {@code 0}, and tokens longer than {@value #LONG_TOKEN}
 * characters (ids, hashes) become {@code _long_}. Features: word unigrams and bigrams, and character 3-5-grams
 * inside word boundaries (each token padded with a space on both sides), hashed into two blocks of
 * 2^{@value #BITS} dimensions (words in the first, characters in the second).
 */
public final class TextFeatures {
    static final int BITS = 20;
    static final int BLOCK = 1 << BITS;
    static final int LONG_TOKEN = 25;
    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");
    private static final long SEED_WORD = 0x57a1L, SEED_BIGRAM = 0xb19aL, SEED_CHAR = 0xc4a5L;

    private TextFeatures() {
    }

    public static List<String> tokens(String text) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT);
        s = URL.matcher(s).replaceAll(" _url_ ");
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            String t = m.group();
            if (t.length() > LONG_TOKEN) {
                t = "_long_";
            } else {
                t = DIGITS.matcher(t).replaceAll("0");
            }
            tokens.add(t);
        }
        return tokens;
    }

    /** Hashed word features (unigrams and bigrams) in [0, BLOCK), one entry per occurrence, sorted. */
    static int[] wordHashes(List<String> tokens) {
        int[] out = new int[Math.max(0, tokens.size() * 2 - 1)];
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            out[n++] = index(hash(SEED_WORD, tokens.get(i), 0, tokens.get(i).length()));
            if (i > 0) {
                long h = hash(SEED_BIGRAM, tokens.get(i - 1), 0, tokens.get(i - 1).length());
                h = step(h, ' ');
                h = hash(h, tokens.get(i), 0, tokens.get(i).length());
                out[n++] = index(h);
            }
        }
        Arrays.sort(out, 0, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Hashed character 3-5-grams of each token padded with spaces, in [BLOCK, 2*BLOCK), sorted. */
    static int[] charHashes(List<String> tokens) {
        int total = 0;
        for (String t : tokens) {
            int len = t.length() + 2;
            for (int n = 3; n <= 5; n++) {
                total += Math.max(len - n + 1, 0);
            }
        }
        int[] out = new int[total];
        int k = 0;
        for (String t : tokens) {
            String p = " " + t + " ";
            int len = p.length();
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= len; i++) {
                    out[k++] = BLOCK + index(hash(SEED_CHAR + n, p, i, i + n));
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static long hash(long seed, String s, int from, int to) {
        long h = seed * 0x9E3779B97F4A7C15L ^ 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = step(h, s.charAt(i));
        }
        return h;
    }

    private static long step(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    private static int index(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h & (BLOCK - 1));
    }
}
