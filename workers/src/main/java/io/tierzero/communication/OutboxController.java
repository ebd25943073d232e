package io.tierzero.communication;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenants/{tenant}/outbox")
public class OutboxController {

    private static final int PAGE_SIZE = 200;

    private final TenantRepository tenants;
    private final Outbox outbox;

    public OutboxController(TenantRepository tenants, Outbox outbox) {
        this.tenants = tenants;
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "Messages to requesters in a state (pending, failed, sent, dead), newest first, at most 200")
    public List<OutboundMessage> list(@PathVariable String tenant, @RequestParam(defaultValue = "dead") String state) {
        tenants.get(tenant);
        return outbox.list(tenant, OutboxState.of(state), PAGE_SIZE);
    }

    @PostMapping("/{messageId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sends a dead message again, with a fresh count of attempts")
    public OutboundMessage retry(@PathVariable String tenant, @PathVariable UUID messageId) {
        tenants.get(tenant);
        OutboundMessage message = outbox.find(tenant, messageId).orElseThrow(() -> new OutboxMessageNotFoundException(messageId));
        if (!outbox.requeue(tenant, messageId)) {
            throw new MessageNotRetryableException(messageId, message.state());
        }
        return outbox.find(tenant, messageId).orElseThrow();
    }
}
