package io.tierzero.knowledge.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.Arrays;

/**
 * Tokenises one text (truncated to the tokenizer's maximum), runs the model and pools and L2-normalises the
 * token vectors. One text per run on purpose: the int8 model quantises activations with one scale per tensor, so
 * in a padded batch a text's vector would depend on its batch-mates (cosine down to 0.975 to its own single
 * vector), and batches of long tickets measured slower than single texts anyway. Pooling runs on plain arrays:
 * ONNX Runtime NDArrays support no arithmetic.
 */
final class EmbeddingTranslator implements NoBatchifyTranslator<String, float[]> {

    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;

    EmbeddingTranslator(HuggingFaceTokenizer tokenizer, Pooling pooling) {
        this.tokenizer = tokenizer;
        this.pooling = pooling;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] mask = encoding.getAttentionMask();
        NDManager manager = ctx.getNDManager();
        return new NDList(named(manager.create(new long[][] {encoding.getIds()}), "input_ids"),
                named(manager.create(new long[][] {mask}), "attention_mask"),
                named(manager.create(new long[][] {encoding.getTypeIds()}), "token_type_ids"));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList output) {
        NDArray hidden = output.contains("last_hidden_state") ? output.get("last_hidden_state") : output.get(0);
        long[] shape = hidden.getShape().getShape(); // [1, tokens, dimensions]
        int tokens = (int) shape[1], dims = (int) shape[2];
        float[] values = hidden.toFloatArray();
        return normalise(pooling == Pooling.CLS ? Arrays.copyOf(values, dims) : meanPool(values, tokens, dims));
    }

    /** Without padding every token is real, so the attention-mask average is the plain average. */
    private static float[] meanPool(float[] values, int tokens, int dims) {
        float[] sum = new float[dims];
        for (int t = 0; t < tokens; t++) {
            for (int d = 0; d < dims; d++) {
                sum[d] += values[t * dims + d];
            }
        }
        for (int d = 0; d < dims; d++) {
            sum[d] /= tokens;
        }
        return sum;
    }
    private static float[] normalise(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += v * v;
        }
        float norm = (float) Math.max(Math.sqrt(squares), 1e-12);
        for (int d = 0; d < vector.length; d++) {
            vector[d] /= norm;
        }
        return vector;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }
}
