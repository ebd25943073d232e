package io.tierzero.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The access a tenant lets automation grant: resources, the directory group behind each, licence and sensitivity. */
@Repository
public class AccessCatalogue {

    private final JdbcClient jdbc;

    public AccessCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The resources of this kind the text names by one of their aliases. */
    public List<GrantableResource> named(String tenantId, List<String> kinds, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return jdbc.sql("""
                        select resource_id, kind, name, aliases, group_dn, licence_pool, sensitive from access_catalogue
                        where tenant_id = :tenant and kind in (:kinds) order by resource_id""")
                .param("tenant", tenantId).param("kinds", kinds)
                .query((rs, n) -> new GrantableResource(rs.getString("resource_id"), rs.getString("kind"),
                        rs.getString("name"), List.of((String[]) rs.getArray("aliases").getArray()),
                        rs.getString("group_dn"), rs.getString("licence_pool"), rs.getBoolean("sensitive")))
                .list().stream()
                .filter(resource -> resource.aliases().stream().anyMatch(lower::contains))
                .toList();
    }

    public Optional<GrantableResource> find(String tenantId, String resourceId) {
        return jdbc.sql("""
                        select resource_id, kind, name, aliases, group_dn, licence_pool, sensitive from access_catalogue
                        where tenant_id = ? and resource_id = ?""")
                .params(tenantId, resourceId)
                .query((rs, n) -> new GrantableResource(rs.getString("resource_id"), rs.getString("kind"),
                        rs.getString("name"), List.of((String[]) rs.getArray("aliases").getArray()),
                        rs.getString("group_dn"), rs.getString("licence_pool"), rs.getBoolean("sensitive")))
                .optional();
    }

    public record GrantableResource(String resourceId, String kind, String name, List<String> aliases, String groupDn,
            String licencePool, boolean sensitive) {
    }
}
