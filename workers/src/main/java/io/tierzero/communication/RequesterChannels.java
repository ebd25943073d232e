package io.tierzero.communication;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where requesters asked to be reached (requester_channels). */
@Repository
public class RequesterChannels {

    private final JdbcClient jdbc;

    RequesterChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recipient> preferredVerified(String tenantId, String requesterId) {
        return jdbc.sql("""
                        select kind, address from requester_channels
                        where tenant_id = ? and requester_id = ? and preferred and verified_at is not null
                        order by verified_at desc limit 1""")
                .params(tenantId, requesterId)
                .query((rs, n) -> new Recipient(ChannelKind.of(rs.getString("kind")), rs.getString("address")))
                .optional();
    }

    /** The requester's verified e-mail address: the only kind of channel that may carry one-time links. */
    public Optional<String> verifiedEmail(String tenantId, String requesterId) {
        return jdbc.sql("""
                        select address from requester_channels
                        where tenant_id = ? and requester_id = ? and kind = 'email' and verified_at is not null""")
                .params(tenantId, requesterId).query(String.class).optional();
    }
}
