package io.tierzero.communication;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requesters known by their e-mail address: a channel of theirs (requester_channels) or the tenant's reference data. */
@Repository
class KnownRequesters {

    record KnownRequester(String tenantId, String requesterId, String name) {
    }

    private final JdbcClient jdbc;

    KnownRequesters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<KnownRequester> withAddress(String address) {
        return jdbc.sql("""
                        select c.tenant_id, c.requester_id, r.label as name
                        from requester_channels c
                        left join reference_data r on r.tenant_id = c.tenant_id and r.kind = 'requester'
                                                      and r.code = c.requester_id
                        where c.kind = 'email' and lower(c.address) = lower(:address)
                        union
                        select tenant_id, code, label from reference_data
                        where kind = 'requester' and lower(attributes ->> 'email') = lower(:address)
                        order by tenant_id, requester_id""")
                .param("address", address)
                .query((rs, n) -> new KnownRequester(rs.getString("tenant_id"), rs.getString("requester_id"),
                        rs.getString("name")))
                .list();
    }
}
