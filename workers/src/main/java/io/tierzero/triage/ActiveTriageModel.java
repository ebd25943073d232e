package io.tierzero.triage;

import io.tierzero.knowledge.retrieval.TextEmbedder;
import io.tierzero.triage.model.TriageModel;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The model triage uses now: the registry's active model, swapped without a restart. Every instance polls the
 * registry ({@code tierzero.triage.model-refresh-interval}), so an activation by the CLI or another replica
 * arrives within one interval; an activation through this instance's API swaps at once. A model that cannot be
 * loaded leaves the previous one in place; the failure is logged and shown by the "triageModel" health details.
 */
@Component
public class ActiveTriageModel {

    private static final Logger log = LoggerFactory.getLogger(ActiveTriageModel.class);

    /** A loaded model and its registry version. */
    public record LoadedModel(String version, TriageModel model) {
    }

    /** The last model that could not be loaded, and why; cleared when a model loads. */
    public record LoadFailure(String version, String error, Instant at) {
    }

    private final ModelRegistry registry;
    private final TextEmbedder embedder;
    private final AtomicReference<LoadedModel> current = new AtomicReference<>();
    private final AtomicReference<LoadFailure> lastFailure = new AtomicReference<>();
    private volatile boolean refreshedOnce;

    public ActiveTriageModel(ModelRegistry registry, TextEmbedder embedder) {
        this.registry = registry;
        this.embedder = embedder;
    }

    /** The active model, or empty when none is active (triage then keeps its honest fallback). */
    public Optional<LoadedModel> current() {
        if (!refreshedOnce) {
            refresh();
        }
        return Optional.ofNullable(current.get());
    }

    public Optional<LoadFailure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Loads the registry's active model if it is not the one in use. */
    @Scheduled(fixedDelayString = "${tierzero.triage.model-refresh-interval:PT30S}")
    public synchronized void refresh() {
        Optional<String> activeVersion;
        try {
            activeVersion = registry.activeVersion();
        } catch (RuntimeException e) {
            log.error("Cannot read the active triage model from the registry; keeping {}", describe(current.get()), e);
            return;
        }
        LoadedModel inUse = current.get();
        if (activeVersion.isEmpty()) {
            if (inUse != null) {
                log.warn("No triage model is active any more; triage falls back to confidence 0");
            }
            current.set(null);
        } else if (inUse == null || !inUse.version().equals(activeVersion.get())) {
            String version = activeVersion.get();
            try {
                current.set(new LoadedModel(version, registry.load(version, embedder)));
                lastFailure.set(null);
                log.info("Triage model {} is now in use (was {})", version, describe(inUse));
            } catch (RuntimeException e) {
                lastFailure.set(new LoadFailure(version, String.valueOf(e.getMessage()), Instant.now()));
                log.error("Cannot load triage model {}; keeping {}", version, describe(inUse), e);
            }
        }
        refreshedOnce = true;
    }

    private static String describe(LoadedModel model) {
        return model == null ? "no model" : model.version();
    }
}
