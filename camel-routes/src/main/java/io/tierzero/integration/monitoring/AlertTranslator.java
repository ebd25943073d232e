package io.tierzero.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.integration.MonitoringAlert;
import java.util.List;

/** Reads one webhook body of a monitoring system into canonical alerts; refuses it whole if any alert is unreadable. */
public interface AlertTranslator {

    List<MonitoringAlert> alerts(String tenantId, JsonNode payload);
}
