package io.tierzero.tenant;

public class UnknownTenantException extends RuntimeException {

    public UnknownTenantException(String tenantId) {
        super("There is no tenant '" + tenantId + "'.");
    }
}
