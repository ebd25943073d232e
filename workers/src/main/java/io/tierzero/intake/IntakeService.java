package io.tierzero.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.audit.Actor;
import io.tierzero.audit.ActorKind;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.tenant.Tenant;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.Region;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a submitted request into a ticket (stored, audited, answered with a reference number) and has its
 * lifecycle started. The ticket is committed first: if the engine is unreachable, {@link ProcessStartSweeper}
 * starts it later, so an accepted request is never lost.
 */
@Service
public class IntakeService {

    private final TenantRepository tenants;
    private final TicketRepository tickets;
    private final AuditTrail auditTrail;
    private final LifecycleStarter starter;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public IntakeService(TenantRepository tenants, TicketRepository tickets, AuditTrail auditTrail,
                         LifecycleStarter starter, TransactionTemplate transaction, JdbcClient jdbc,
                         ObjectMapper json, Clock clock) {
        this.tenants = tenants;
        this.tickets = tickets;
        this.auditTrail = auditTrail;
        this.starter = starter;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public SubmittedRequest submit(String tenantId, String idempotencyKey, NewRequest request) {
        Tenant tenant = tenants.get(tenantId);
        String digest = digest(request);
        Optional<SubmittedRequest> replay = replay(tenantId, idempotencyKey, digest);
        if (replay.isPresent()) {
            return replay.get();
        }
        Ticket ticket;
        try {
            ticket = transaction.execute(status -> store(tenant, idempotencyKey, digest, request));
        } catch (DuplicateKeyException concurrentSameKey) {
            return replay(tenantId, idempotencyKey, digest).orElseThrow(() -> concurrentSameKey);
        }
        starter.startSoon(ticket, tenant);
        return new SubmittedRequest(ticket.ticketId(), ticket.referenceNumber(), ticket.state(), false);
    }

    private Ticket store(Tenant tenant, String idempotencyKey, String digest, NewRequest request) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Region region = request.region() != null ? request.region() : Region.valueOf(tenant.region().toUpperCase());
        Ticket ticket = new Ticket(tenant.tenantId(), UUID.randomUUID(), tenants.nextReferenceNumber(tenant.tenantId()),
                request.kindOrDefault(), request.channel(), request.requester().id(), request.requester().name(),
                request.requester().email(), region, request.subject(), request.body(),
                request.entities() == null ? List.of() : request.entities(), null, request.category(), null,
                request.impactOrDefault(), request.urgencyOrDefault(), null, null, null, 1, TicketState.NEW, 0,
                null, null, null, null, null, false, null, null, null, 0, 0, now, now, null, null, null);
        tickets.insert(ticket);
        if (request.externalReferences() != null) {
            request.externalReferences().forEach((system, externalId) -> jdbc.sql(
                            "insert into ticket_external_refs (tenant_id, ticket_id, system, external_id) values (?, ?, ?, ?)")
                    .params(tenant.tenantId(), ticket.ticketId(), system, externalId).update());
        }
        if (idempotencyKey != null) {
            jdbc.sql("insert into request_idempotency_keys (tenant_id, idempotency_key, request_digest, ticket_id) values (?, ?, ?, ?)")
                    .params(tenant.tenantId(), idempotencyKey, digest, ticket.ticketId()).update();
        }
        auditTrail.append(new AuditEntry(tenant.tenantId(), ticket.ticketId(), "ticket.created", null,
                TicketState.NEW.value(), new Actor(actorKindOf(request), request.requester().id()),
                "Request received via " + request.channel().value(), null, null, null,
                Map.of("referenceNumber", ticket.referenceNumber(), "kind", ticket.kind().value(),
                        "channel", ticket.channel().value(), "requestDigest", digest)));
        return ticket;
    }

    private static ActorKind actorKindOf(NewRequest request) {
        return request.channel() == Channel.MONITORING ? ActorKind.INTEGRATION : ActorKind.HUMAN;
    }

    private Optional<SubmittedRequest> replay(String tenantId, String idempotencyKey, String digest) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select k.request_digest, t.ticket_id, t.reference_number, t.state
                        from request_idempotency_keys k join tickets t on t.ticket_id = k.ticket_id
                        where k.tenant_id = ? and k.idempotency_key = ?""")
                .params(tenantId, idempotencyKey)
                .query((rs, n) -> {
                    if (!rs.getString("request_digest").equals(digest)) {
                        throw new IdempotencyKeyReusedException(idempotencyKey);
                    }
                    return new SubmittedRequest(rs.getObject("ticket_id", UUID.class),
                            rs.getString("reference_number"), TicketState.of(rs.getString("state")), true);
                })
                .optional();
    }

    private String digest(NewRequest request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a request", e);
        }
    }
}
