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

/** Datadog's webhook with the custom payload of its documented variables. */
class DatadogTranslatorTest {

    static final String TRIGGERED = """
            {"id": "7123456789", "alert_id": "1234", "aggreg_key": "9bd4ac313a4d1e8fae2482df7b77628",
             "alert_transition": "Triggered", "hostname": "web02",
             "alert_title": "[Triggered on {host:web02}] Disk usage high",
             "event_msg": "Disk usage on /var is above 90%", "priority": "normal", "alert_priority": "P2",
             "tags": "env:prod,role:web,monitored", "date": "1795344550000",
             "link": "https://app.datadoghq.com/event/event?id=7123456789"}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatadogTranslator translator = new DatadogTranslator();

    @Test
    void aTriggeredMonitorIsAFiringAlertFingerprintedByItsAggregationKey() throws IOException {
        MonitoringAlert alert = translator.alerts("acme", JSON.readTree(TRIGGERED)).getFirst();

        assertThat(alert.source()).isEqualTo("datadog");
        assertThat(alert.fingerprint()).isEqualTo("9bd4ac313a4d1e8fae2482df7b77628");
        assertThat(alert.status()).isEqualTo(Status.FIRING);
        assertThat(alert.alertName()).isEqualTo("Disk usage high");
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.description()).isEqualTo("Disk usage on /var is above 90%");
        assertThat(alert.configurationItem()).isEqualTo("web02");
        assertThat(alert.labels()).containsEntry("env", "prod").containsEntry("role", "web").containsEntry("monitored", "");
        assertThat(alert.startsAt()).isEqualTo(Instant.ofEpochMilli(1795344550000L));
        assertThat(alert.endsAt()).isNull();
        assertThat(alert.sourceUrl()).endsWith("id=7123456789");
    }

    @Test
    void aRecoveredMonitorIsTheSameAlertResolved() throws IOException {
        String recovered = TRIGGERED.replace("\"Triggered\"", "\"Recovered\"").replace("[Triggered on", "[Recovered on");

        MonitoringAlert alert = translator.alerts("acme", JSON.readTree(recovered)).getFirst();

        assertThat(alert.status()).isEqualTo(Status.RESOLVED);
        assertThat(alert.fingerprint()).isEqualTo("9bd4ac313a4d1e8fae2482df7b77628");
        assertThat(alert.alertName()).isEqualTo("Disk usage high");
        assertThat(alert.endsAt()).isEqualTo(Instant.ofEpochMilli(1795344550000L));
        assertThat(alert.startsAt()).isNull();
    }

    @Test
    void warningsAndLowPriorityEventsAreNotCritical() throws IOException {
        assertThat(translator.alerts("acme", JSON.readTree(TRIGGERED.replace("\"Triggered\"", "\"Warn\"")))
                .getFirst().severity()).isEqualTo(Severity.WARNING);
        String lowWithoutMonitorPriority = TRIGGERED.replace("\"alert_priority\": \"P2\",", "").replace("\"normal\"", "\"low\"");
        assertThat(translator.alerts("acme", JSON.readTree(lowWithoutMonitorPriority)).getFirst().severity())
                .isEqualTo(Severity.INFO);
        assertThat(translator.alerts("acme", JSON.readTree(TRIGGERED.replace("\"P2\"", "\"P3\""))).getFirst().severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void withoutHostnameTheHostTagIsTheConfigurationItem() throws IOException {
        String tagged = TRIGGERED.replace("\"hostname\": \"web02\",", "").replace("env:prod", "env:prod,host:web03");

        assertThat(translator.alerts("acme", JSON.readTree(tagged)).getFirst().configurationItem()).isEqualTo("web03");
    }

    @Test
    void anUnknownTransitionOrAMissingTitleIsRefused() throws IOException {
        assertThatThrownBy(() -> translator.alerts("acme", JSON.readTree(TRIGGERED.replace("\"Triggered\"", "\"Exploded\""))))
                .isInstanceOf(InvalidAlertPayloadException.class).hasMessageContaining("'alert_transition' is 'Exploded'");
        assertThatThrownBy(() -> translator.alerts("acme", JSON.readTree(TRIGGERED.replace("\"alert_title\"", "\"title\""))))
                .isInstanceOf(InvalidAlertPayloadException.class).hasMessage("'alert_title' is missing.");
    }
}
