package io.tierzero.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierzero.knowledge.retrieval.RetrievedRunbook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the model's runbook and the retrieved runbooks make one suggestion (see {@link RunbookFinder}). */
class RunbookCombinationTest {

    private static final PredictedRunbook MODEL_PASSWORD_RESET =
            new PredictedRunbook("password-reset", 0.85, List.of("password-reset", "none", "account-unlock"));

    private static List<RetrievedRunbook> retrieved(String top, double confidence) {
        return List.of(new RetrievedRunbook(top, top, 0.03, 1, 1, confidence),
                new RetrievedRunbook("mfa-reset", "MFA reset", 0.01, 2, 3, 0.5));
    }

    @Test
    void agreementTakesTheHigherConfidence() {
        RunbookSuggestion suggestion = RunbookFinder.combine(MODEL_PASSWORD_RESET, retrieved("password-reset", 0.95));
        assertThat(suggestion.runbookId()).isEqualTo("password-reset");
        assertThat(suggestion.confidence()).isEqualTo(0.95);
        assertThat(suggestion.candidates()).containsExactly("password-reset", "account-unlock", "mfa-reset");
    }

    @Test
    void disagreementTakesTheMoreConfidentRunbookWithTheLowerConfidence() {
        RunbookSuggestion suggestion = RunbookFinder.combine(MODEL_PASSWORD_RESET, retrieved("account-unlock", 0.6));
        assertThat(suggestion.runbookId()).isEqualTo("password-reset");
        assertThat(suggestion.confidence()).isEqualTo(0.6);
        assertThat(suggestion.basis()).contains("disagree");
    }

    @Test
    void aConfidentNoneFromTheModelMeansNoRunbook() {
        PredictedRunbook none = new PredictedRunbook("none", 0.9, List.of("none", "printer-issue"));
        RunbookSuggestion suggestion = RunbookFinder.combine(none, retrieved("printer-issue", 0.7));
        assertThat(suggestion.runbookId()).isNull();
        assertThat(suggestion.confidence()).isZero();
        assertThat(suggestion.candidates()).containsExactly("printer-issue", "mfa-reset");
    }

    @Test
    void aSingleSourceCarriesTheSuggestionAlone() {
        RunbookSuggestion modelOnly = RunbookFinder.combine(MODEL_PASSWORD_RESET, List.of());
        assertThat(modelOnly.runbookId()).isEqualTo("password-reset");
        assertThat(modelOnly.confidence()).isEqualTo(0.85);
        assertThat(modelOnly.basis()).startsWith("From the model only");

        RunbookSuggestion retrievalOnly = RunbookFinder.combine(null, retrieved("vpn-access", 0.7));
        assertThat(retrievalOnly.runbookId()).isEqualTo("vpn-access");
        assertThat(retrievalOnly.confidence()).isEqualTo(RunbookFinder.RETRIEVAL_ALONE_MAX);

        RunbookSuggestion nothing = RunbookFinder.combine(null, List.of());
        assertThat(nothing.runbookId()).isNull();
        assertThat(nothing.confidence()).isZero();
    }
}
