package io.tierzero.identity;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requester's registered channels that were verified: the only ones that may carry one-time links. */
@Repository
public class RequesterChannels {

    private final JdbcClient jdbc;

    public RequesterChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> verifiedEmail(String tenantId, String requesterId) {
        return jdbc.sql("""
                        select address from requester_channels
                        where tenant_id = ? and requester_id = ? and kind = 'email' and verified_at is not null""")
                .params(tenantId, requesterId).query(String.class).optional();
    }

    /** a.silva@x.example becomes a***@x.example: enough for the requester to recognise, not to harvest. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }
}
