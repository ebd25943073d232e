package io.tierzero.selfheal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The self-heal allow-list of hosts (table self_heal_hosts). */
@Repository
public class ManagedHosts {

    private final JdbcClient jdbc;

    public ManagedHosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ManagedHost> find(String tenantId, String host) {
        return jdbc.sql("select * from self_heal_hosts where tenant_id = ? and host = ?").params(tenantId, host)
                .query((rs, n) -> new ManagedHost(rs.getString("tenant_id"), rs.getString("host"),
                        rs.getString("address"), rs.getInt("port"), rs.getString("os"), rs.getString("role"),
                        rs.getString("cleanup_profile"), rs.getString("ssh_user"), rs.getString("host_key_fingerprint")))
                .optional();
    }
}
