package io.tierzero.knowledge.retrieval;

import io.tierzero.knowledge.runbook.Runbook;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;

/**
 * The OpenSearch index of runbooks: the product's default library (tenant {@value #DEFAULT_LIBRARY}) and each
 * tenant's own. Keyword fields for BM25 and one embedding per runbook (title and typical phrasings, which is
 * how requesters describe the problem) for k-NN with the Lucene HNSW engine (the Maven k-NN plugin has no
 * native engines).
 */
public class RunbookIndex {

    public static final String NAME = "tierzero-runbooks";
    public static final String DEFAULT_LIBRARY = "_default";

    private final OpenSearchClient client;
    private final TextEmbedder embedder;

    public RunbookIndex(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.embedder = embedder;
    }

    /** Drops and recreates the index, then indexes the runbooks; reports progress as it goes. */
    public int rebuild(String tenantId, List<Runbook> runbooks, Consumer<String> progress) throws IOException {
        if (client.indices().exists(exists -> exists.index(NAME)).value()) {
            client.indices().delete(delete -> delete.index(NAME));
        }
        createIndex();
        int done = 0;
        for (Runbook runbook : runbooks) {
            index(tenantId, runbook);
            progress.accept("indexed %d/%d %s".formatted(++done, runbooks.size(), runbook.id()));
        }
        client.indices().refresh(refresh -> refresh.index(NAME));
        // one segment instead of one per runbook: each search runs once per segment
        client.indices().forcemerge(merge -> merge.index(NAME).maxNumSegments(1L));
        return done;
    }

    public void index(String tenantId, Runbook runbook) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenant_id", tenantId);
        document.put("runbook_id", runbook.id());
        document.put("title", runbook.title());
        document.put("category", runbook.category());
        document.put("mode", runbook.mode());
        document.put("phrasings", runbook.section("Symptoms and typical phrasings"));
        document.put("body", String.join("\n", runbook.section("Before you start"), runbook.section("Steps"),
                runbook.section("When to escalate")));
        document.put("embedding", HybridSearch.toList(embedder.embed(semanticText(runbook))));
        client.index(request -> request.index(NAME).id(tenantId + "/" + runbook.id()).document(document)
                .refresh(Refresh.WaitFor));
    }

    static String semanticText(Runbook runbook) {
        return runbook.title() + ". " + runbook.section("Symptoms and typical phrasings").replaceAll("(?m)^\\s*[-*]\\s*", "");
    }

    private void createIndex() throws IOException {
        client.indices().create(index -> index.index(NAME)
                .settings(settings -> settings.knn(true))
                .mappings(mappings -> mappings
                        .properties("tenant_id", property -> property.keyword(keyword -> keyword))
                        .properties("runbook_id", property -> property.keyword(keyword -> keyword))
                        .properties("category", property -> property.keyword(keyword -> keyword))
                        .properties("mode", property -> property.keyword(keyword -> keyword))
                        .properties("title", property -> property.text(text -> text))
                        .properties("phrasings", property -> property.text(text -> text))
                        .properties("body", property -> property.text(text -> text))
                        .properties("embedding", property -> property.knnVector(vector -> vector
                                .dimension(embedder.dimensions())
                                .method(method -> method.name("hnsw").engine("lucene").spaceType("cosinesimil"))))));
    }
}
