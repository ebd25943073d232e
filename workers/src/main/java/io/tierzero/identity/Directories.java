package io.tierzero.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The directory of each tenant that has one configured. */
public class Directories implements AutoCloseable {

    private final Map<String, LdapDirectory> byTenant = new ConcurrentHashMap<>();

    public Directories(Map<String, DirectoryProperties.Settings> settingsByTenant) {
        settingsByTenant.forEach((tenant, settings) -> byTenant.put(tenant, new LdapDirectory(settings)));
    }

    public Optional<Directory> of(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    @Override
    public void close() {
        byTenant.values().forEach(LdapDirectory::close);
    }
}
