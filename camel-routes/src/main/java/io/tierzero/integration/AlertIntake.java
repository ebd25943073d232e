package io.tierzero.integration;

/** Where monitoring alerts go once translated: the service desk's incidents. */
public interface AlertIntake {

    /** Whether the tenant exists; webhooks of other tenants are refused before their token is looked at. */
    boolean knowsTenant(String tenantId);

    /** Opens, updates, correlates or annotates the incident of the alert. Safe to call again with the same alert. */
    AlertOutcome received(MonitoringAlert alert);
}
