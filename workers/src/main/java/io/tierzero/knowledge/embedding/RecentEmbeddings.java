package io.tierzero.knowledge.embedding;

import io.tierzero.knowledge.retrieval.TextEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the embeddings of the most recent texts, so a ticket embedded by the classifier is not embedded again by
 * retrieval moments later (an embedding costs several milliseconds, a lookup nothing).
 */
public final class RecentEmbeddings implements TextEmbedder {

    private final TextEmbedder embedder;
    private final Map<String, float[]> recent;

    public RecentEmbeddings(TextEmbedder embedder, int capacity) {
        this.embedder = embedder;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        float[] known = lookup(text);
        if (known != null) {
            return known;
        }
        float[] vector = embedder.embed(text);
        remember(text, vector);
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            float[] known = lookup(text);
            out.add(known);
            if (known == null) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = embedder.embedAll(missing);
            int next = 0;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) == null) {
                    out.set(i, computed.get(next++));
                    remember(texts.get(i), out.get(i));
                }
            }
        }
        return out;
    }

    private synchronized float[] lookup(String text) {
        return recent.get(text);
    }

    private synchronized void remember(String text, float[] vector) {
        recent.put(text, vector);
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public String modelId() {
        return embedder.modelId();
    }
}
