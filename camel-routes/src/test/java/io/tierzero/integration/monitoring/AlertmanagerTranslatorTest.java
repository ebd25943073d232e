package io.tierzero.integration.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.MonitoringAlert;
import io.tierzero.integration.MonitoringAlert.Severity;
import io.tierzero.integration.MonitoringAlert.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alertmanager 0.25's webhook bodies, as recorded in the shared specs beside the repository. */
class AlertmanagerTranslatorTest {

    /** The repository is cloned beside the shared specs; tests run in the module's folder. */
    static final Path SAMPLES = Path.of("").toAbsolutePath().getParent()
            .resolve("../shared/specs/alertmanager-0.25-webhook-samples.jsonl").normalize();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertmanagerTranslator translator = new AlertmanagerTranslator();

    static List<String> samples() throws IOException {
        return Files.readAllLines(SAMPLES).stream().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void aFiringAlertIsTranslatedWithItsFingerprintHostAndSeverity() throws IOException {
        List<MonitoringAlert> alerts = translator.alerts("acme", JSON.readTree(samples().get(0)));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.tenantId()).isEqualTo("acme");
            assertThat(alert.source()).isEqualTo("alertmanager");
            assertThat(alert.fingerprint()).isEqualTo("9292d367436bf9e6");
            assertThat(alert.status()).isEqualTo(Status.FIRING);
            assertThat(alert.alertName()).isEqualTo("DiskFull");
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.summary()).isEqualTo("/var 98% full");
            assertThat(alert.configurationItem()).isEqualTo("db01");
            assertThat(alert.labels()).containsEntry("instance", "db01:9100").containsEntry("severity", "critical");
            assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-22T10:49:10.705701619Z"));
            assertThat(alert.endsAt()).as("Go's zero time means no end").isNull();
            assertThat(alert.sourceUrl()).isEqualTo("http://prom/graph");
        });
    }

    @Test
    void theResolvedAlertHasTheSameFingerprintAndItsEndTime() throws IOException {
        MonitoringAlert firing = translator.alerts("acme", JSON.readTree(samples().get(0))).getFirst();
        MonitoringAlert resolved = translator.alerts("acme", JSON.readTree(samples().get(1))).getFirst();

        assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(resolved.startsAt()).isEqualTo(firing.startsAt());
        assertThat(resolved.endsAt()).isEqualTo(Instant.parse("2026-11-22T10:49:13Z"));
        assertThat(resolved.sourceUrl()).as("an empty generatorURL is no link").isNull();
    }

    @Test
    void everyAlertOfTheGroupIsTranslated() throws IOException {
        JsonNode payload = JSON.readTree(samples().get(0));
        JsonNode second = ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("alerts").get(0).deepCopy())
                .put("fingerprint", "0000000000000002").put("status", "resolved").put("endsAt", "2026-11-22T11:00:00Z");
        ((com.fasterxml.jackson.databind.node.ArrayNode) payload.get("alerts")).add(second);

        assertThat(translator.alerts("acme", payload)).extracting(MonitoringAlert::fingerprint, MonitoringAlert::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9292d367436bf9e6", Status.FIRING),
                        org.assertj.core.groups.Tuple.tuple("0000000000000002", Status.RESOLVED));
    }

    @Test
    void aBodyWithoutAlertsOrWithAnAlertMissingItsFingerprintIsRefusedNamingTheField() throws IOException {
        assertThatThrownBy(() -> translator.alerts("acme", JSON.readTree("{\"receiver\": \"itsm\"}")))
                .isInstanceOf(InvalidAlertPayloadException.class).hasMessageContaining("'alerts' is missing");
        String withoutFingerprint = samples().get(0).replace("\"fingerprint\": \"9292d367436bf9e6\"", "\"fingerprint\": \"\"");

        assertThatThrownBy(() -> translator.alerts("acme", JSON.readTree(withoutFingerprint)))
                .isInstanceOf(InvalidAlertPayloadException.class).hasMessage("'alerts[0].fingerprint' is missing.");
    }

    @Test
    void theHostIsTheInstanceWithoutItsPort() {
        assertThat(PayloadFields.hostOf("db01:9100")).isEqualTo("db01");
        assertThat(PayloadFields.hostOf("[fe80::1]:9100")).isEqualTo("fe80::1");
        assertThat(PayloadFields.hostOf("fe80::1")).isEqualTo("fe80::1");
        assertThat(PayloadFields.hostOf("web01.example.com")).isEqualTo("web01.example.com");
    }
}
