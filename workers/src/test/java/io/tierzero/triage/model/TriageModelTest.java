package io.tierzero.triage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageModelTest {

    static List<TicketText> toyTickets() {
        String[][] rows = {
                {"vpn", "vpn connection drops from home office"}, {"vpn", "cannot connect to vpn client"},
                {"vpn", "vpn tunnel fails after login"}, {"vpn", "anyconnect vpn error 412"},
                {"vpn", "remote vpn access not working"}, {"vpn", "vpn keeps disconnecting"},
                {"password", "password reset needed for my account"}, {"password", "forgot password please reset"},
                {"password", "password expired cannot login"}, {"password", "reset my password for erp"},
                {"password", "account locked after wrong password"}, {"password", "need new password"},
                {"printer", "printer on floor 3 is jammed"}, {"printer", "printer prints blank pages"},
                {"printer", "cannot print to network printer"}, {"printer", "printer toner empty"},
                {"printer", "printer offline in office"}, {"printer", "paper jam in printer tray"},
        };
        List<TicketText> tickets = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            tickets.add(new TicketText("T" + i, rows[i][1], rows[i][0]));
        }
        return tickets;
    }

    static TriageModel.Settings toySettings() {
        return new TriageModel.Settings("group", List.of("text"), 1, new SoftmaxClassifier.Options(30, 0.5, 1e-5, 1L), true);
    }

    @Test
    void learnsAToyThreeClassSetPerfectly() {
        List<TicketText> tickets = toyTickets();
        TriageModel model = TriageModel.train(tickets, toySettings(), "digest", null);
        for (TicketText t : tickets) {
            assertThat(model.predict(t.text()).label()).as(t.text()).isEqualTo(t.label());
        }
        assertThat(model.metadata().labels()).containsExactly("password", "printer", "vpn");
        assertThat(model.hasRunbookHead()).isFalse();
    }

    @Test
    void calibratedProbabilitiesSumToOne() {
        TriageModel model = TriageModel.train(toyTickets(), toySettings(), "digest", null);
        for (String text : List.of("vpn down", "printer jam", "something else entirely", "")) {
            double[] p = model.labelProbabilities(text);
            assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        }
        assertThat(model.metadata().labelTemperature()).isPositive();
    }

    @Test
    void temperatureScalingFindsTheMinimumOfTheNll() {
        double[][] logits = {{4, 0}, {4, 0}, {4, 0}, {0, 4}};
        int[] labels = {0, 0, 1, 1}; // over-confident: one in four is wrong at 98% confidence
        double t = Calibration.fitTemperature(logits, labels);
        assertThat(t).isGreaterThan(1.0);
        assertThat(Calibration.nll(logits, labels, t)).isLessThanOrEqualTo(Calibration.nll(logits, labels, t * 1.1));
        assertThat(Calibration.nll(logits, labels, t)).isLessThanOrEqualTo(Calibration.nll(logits, labels, t / 1.1));
    }

    @Test
    void runbookHeadAndAutomationPolicy(@TempDir Path dir) {
        List<TicketText> tickets = toyTickets();
        Map<String, String> runbooks = new java.util.HashMap<>();
        for (TicketText t : tickets) {
            runbooks.put(t.id(), switch (t.label()) {
                case "vpn" -> "vpn-access";
                case "password" -> "password-reset";
                default -> "none";
            });
        }
        TriageModel model = TriageModel.train(tickets, runbooks, List.of(), null, toySettings(), "digest", null);
        model.save(dir);
        TriageModel loaded = TriageModel.load(dir);
        Prediction p = loaded.predict("cannot connect to vpn client");
        assertThat(p.runbook()).isEqualTo("vpn-access");
        assertThat(p.runbooksTop3()).hasSize(3).startsWith("vpn-access");
        assertThat(p.automate()).isEqualTo(p.runbookConfidence() >= 0.9);
        assertThat(loaded.predict("printer toner empty").automate()).isFalse(); // runbook none
        assertThat(model.predict("printer toner empty")).isEqualTo(loaded.predict("printer toner empty"));

        AutomationPolicy policy = AutomationPolicy.DEFAULT;
        assertThat(policy.automate("vpn-access", 0.90)).isTrue();
        assertThat(policy.automate("vpn-access", 0.89)).isFalse();
        assertThat(policy.automate("none", 0.99)).isFalse();
        assertThat(policy.automate(null, 0.0)).isFalse();
    }

    @Test
    void textsWithoutKnownFeaturesGetNoConfidenceAndAreNeverAutomated() {
        Map<String, String> runbooks = new java.util.HashMap<>();
        for (TicketText t : toyTickets()) {
            runbooks.put(t.id(), t.label().equals("password") ? "password-reset" : "none");
        }
        TriageModel model = TriageModel.train(toyTickets(), runbooks, List.of(), null, toySettings(), "digest", null);
        for (String unknown : List.of("", "   ", "\u0000\u0001 ### ??? !!!", "ж ю щ", "ÿ", "\uD83D\uDE00")) {
            Prediction p = model.predict(unknown);
            assertThat(p.labelConfidence()).as(unknown).isZero();
            assertThat(p.runbookConfidence()).as(unknown).isZero();
            assertThat(p.automate()).as(unknown).isFalse();
        }
        Prediction german = model.predict("Kennwort vergessen, bitte Passwort zurücksetzen");
        assertThat(german.label()).isEqualTo("password"); // shares the n-grams of "password"
        assertThat(model.predict(null).labelConfidence()).isZero();
    }

    @Test
    void textIsLowerCasedAndDigitsAndLongIdsNormalised() {
        assertThat(TextFeatures.tokens("PO5616641196 failed; call ID 2175992332 https://x.example/a?b=1 a@b.com "
                + "abcdefghijklmnopqrstuvwxyz0123"))
                .containsExactly("po0", "failed", "call", "id", "0", "_url_", "a", "b", "com", "_long_");
    }

    @Test
    void coverageAtPrecisionOnAHandMadeExample() {
        // sorted by confidence: 0.99 R, 0.95 R, 0.90 W, 0.85 R, 0.80 R, 0.50 W, 0.40 W, 0.30 R, 0.20 W, 0.10 W
        double[] confidence = {0.85, 0.99, 0.10, 0.90, 0.50, 0.95, 0.80, 0.30, 0.40, 0.20};
        boolean[] correct = {true, true, false, false, false, true, true, true, false, false};
        // prefixes: 1/1, 2/2, 2/3, 3/4, 4/5=0.8, 4/6, 4/7, 5/8, 5/9, 5/10
        assertThat(Evaluation.coverageAtPrecision(confidence, correct, 0.95)).isEqualTo(0.2);
        assertThat(Evaluation.coverageAtPrecision(confidence, correct, 0.80)).isEqualTo(0.5);
        assertThat(Evaluation.coverageAtPrecision(confidence, correct, 0.75)).isEqualTo(0.5);
        assertThat(Evaluation.coverageAtPrecision(confidence, correct, 0.50)).isEqualTo(1.0);
        assertThat(Evaluation.coverageAtPrecision(new double[] {0.9}, new boolean[] {false}, 0.9)).isEqualTo(0.0);
        // ties: a threshold keeps all tickets of equal confidence, so 1 right + 1 wrong at 0.9 is 50%
        assertThat(Evaluation.coverageAtPrecision(new double[] {0.9, 0.9, 0.5}, new boolean[] {true, false, true}, 0.9))
                .isEqualTo(0.0);
    }

    @Test
    void evaluationCountsRunbookAndAutomationNumbers() {
        List<Evaluation.Scored> scored = List.of(
                new Evaluation.Scored("A", "vpn-access", new Prediction("A", 0.9, List.of("A"), "vpn-access", 0.9,
                        List.of("vpn-access", "none", "x"), true)),
                new Evaluation.Scored("A", "password-reset", new Prediction("B", 0.9, List.of("B"), "vpn-access", 0.9,
                        List.of("vpn-access", "password-reset", "x"), true)),
                new Evaluation.Scored("B", "none", new Prediction("B", 0.6, List.of("B"), "none", 0.9,
                        List.of("none", "vpn-access", "x"), false)),
                new Evaluation.Scored("B", "printer-issue", new Prediction("B", 0.9, List.of("B"), "printer-issue", 0.5,
                        List.of("printer-issue", "none", "x"), false)),
                new Evaluation.Scored("B", null, new Prediction("B", 0.9, List.of("B"), "none", 0.9,
                        List.of("none", "printer-issue", "x"), false)));
        Evaluation e = Evaluation.of(scored);
        assertThat(e.accuracy()).isEqualTo(0.8);
        assertThat(e.runbookTickets()).isEqualTo(4);
        assertThat(e.runbookTop1()).isEqualTo(0.75);
        assertThat(e.runbookRecallAt3()).isEqualTo(1.0);
        assertThat(e.automated()).isEqualTo(2);
        assertThat(e.automationPrecision()).isEqualTo(0.5);
        assertThat(e.automationCoverage()).isCloseTo(1.0 / 3, within(1e-12));
        // A: precision 1/1, recall 1/2 -> F1 2/3; B: precision 3/4, recall 3/3 -> F1 6/7
        assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 6.0 / 7) / 2, within(1e-12));
    }

    @Test
    void stratifiedFoldsKeepEachLabelSpread() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            labels.add(i < 40 ? "big" : "small");
        }
        int[] fold = CrossValidation.stratifiedFolds(labels, 5, 3L);
        int[] small = new int[5];
        int[] all = new int[5];
        for (int i = 0; i < fold.length; i++) {
            all[fold[i]]++;
            if (labels.get(i).equals("small")) {
                small[fold[i]]++;
            }
        }
        assertThat(all).containsOnly(10);
        assertThat(small).containsOnly(2);
    }

    @Test
    void missingColumnOrFileIsAClearError(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "id,title\n1,hello\n");
        assertThatThrownBy(() -> TicketFiles.readTickets(csv, List.of("title", "body"), null))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("no column 'body'");
        assertThatThrownBy(() -> TicketFiles.readTickets(dir.resolve("nope.csv"), List.of("title"), null))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("file not found");
        assertThatThrownBy(() -> TriageModel.load(dir)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no model");
    }
}
