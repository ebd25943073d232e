package io.tierzero.integration.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.MonitoringAlert;
import io.tierzero.integration.MonitoringAlert.Severity;
import io.tierzero.integration.MonitoringAlert.Status;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Zabbix webhook media type's parameters, as its script posts them. */
class ZabbixTranslatorTest {

    static final String PROBLEM = """
            {"event_id": "4711", "event_value": "1", "event_name": "High CPU utilization on web01",
             "trigger_severity": "High", "host": "web01", "event_opdata": "Current utilization: 97 %",
             "trigger_description": "CPU above 90% for 5m",
             "event_tags": "[{\\"tag\\":\\"service\\",\\"value\\":\\"shop\\"},{\\"tag\\":\\"scope\\",\\"value\\":\\"performance\\"}]",
             "event_date": "2026.11.22", "event_time": "10:49:10",
             "recovery_date": "{EVENT.RECOVERY.DATE}", "recovery_time": "{EVENT.RECOVERY.TIME}",
             "event_url": "https://zabbix.example/tr_events.php?triggerid=13&eventid=4711"}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZabbixTranslator translator = new ZabbixTranslator();

    @Test
    void aProblemEventIsAFiringAlertFingerprintedByItsEventId() throws IOException {
        MonitoringAlert alert = translator.alerts("acme", JSON.readTree(PROBLEM)).getFirst();

        assertThat(alert.source()).isEqualTo("zabbix");
        assertThat(alert.fingerprint()).isEqualTo("4711");
        assertThat(alert.status()).isEqualTo(Status.FIRING);
        assertThat(alert.alertName()).isEqualTo("High CPU utilization on web01");
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.summary()).isEqualTo("Current utilization: 97 %");
        assertThat(alert.description()).isEqualTo("CPU above 90% for 5m");
        assertThat(alert.configurationItem()).isEqualTo("web01");
        assertThat(alert.labels()).containsEntry("service", "shop").containsEntry("scope", "performance")
                .containsEntry("severity", "High");
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-22T10:49:10Z"));
        assertThat(alert.endsAt()).as("recovery macros are unresolved in a problem message").isNull();
        assertThat(alert.sourceUrl()).endsWith("eventid=4711");
    }

    @Test
    void theRecoveryCarriesTheProblemsEventIdAndItsRecoveryTime() throws IOException {
        String recovery = PROBLEM.replace("\"event_value\": \"1\"", "\"event_value\": \"0\"")
                .replace("{EVENT.RECOVERY.DATE}", "2026.11.22").replace("{EVENT.RECOVERY.TIME}", "11:02:00");

        MonitoringAlert alert = translator.alerts("acme", JSON.readTree(recovery)).getFirst();

        assertThat(alert.status()).isEqualTo(Status.RESOLVED);
        assertThat(alert.fingerprint()).isEqualTo("4711");
        assertThat(alert.endsAt()).isEqualTo(Instant.parse("2026-11-22T11:02:00Z"));
    }

    @Test
    void zabbixSeveritiesMapToCriticalWarningAndInfo() throws IOException {
        assertThat(severityOf("Disaster")).isEqualTo(Severity.CRITICAL);
        assertThat(severityOf("Average")).isEqualTo(Severity.WARNING);
        assertThat(severityOf("Warning")).isEqualTo(Severity.WARNING);
        assertThat(severityOf("Information")).isEqualTo(Severity.INFO);
        assertThat(severityOf("Not classified")).isEqualTo(Severity.INFO);
    }

    @Test
    void tagsMayAlsoComeAsAJsonArray() throws IOException {
        String withArray = PROBLEM.replaceAll("\"event_tags\": \"[^\\n]*\",", "\"event_tags\": [{\"tag\": \"env\", \"value\": \"prod\"}],");

        assertThat(translator.alerts("acme", JSON.readTree(withArray)).getFirst().labels()).containsEntry("env", "prod");
    }

    @Test
    void anEventWithoutIdOrWithAnUnknownValueIsRefused() throws IOException {
        assertThatThrownBy(() -> translator.alerts("acme", JSON.readTree(PROBLEM.replace("\"event_id\": \"4711\",", ""))))
                .isInstanceOf(InvalidAlertPayloadException.class).hasMessage("'event_id' is missing.");
        assertThatThrownBy(() -> translator.alerts("acme", JSON.readTree(PROBLEM.replace("\"event_value\": \"1\"", "\"event_value\": \"2\""))))
                .isInstanceOf(InvalidAlertPayloadException.class).hasMessageContaining("use 1 (problem) or 0 (recovery)");
    }

    private Severity severityOf(String zabbixSeverity) throws IOException {
        return translator.alerts("acme", JSON.readTree(PROBLEM.replace("\"High\"", "\"" + zabbixSeverity + "\"")))
                .getFirst().severity();
    }
}
