package io.tierzero.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenants/{tenant}/audit")
public class AuditController {

    private final AuditChainVerifier verifier;
    private final TenantRepository tenants;
    private final AuditTrail auditTrail;
    private final ActionSignatures signatures;

    public AuditController(AuditChainVerifier verifier, TenantRepository tenants, AuditTrail auditTrail,
            ActionSignatures signatures) {
        this.verifier = verifier;
        this.tenants = tenants;
        this.auditTrail = auditTrail;
        this.signatures = signatures;
    }

    @GetMapping("/signatures")
    @Operation(summary = "Checks the signature of every automated action in a ticket's history",
            description = "The public key is at /api/audit/signing-key")
    public List<ActionSignatures.SignatureCheck> signatures(@PathVariable String tenant, @RequestParam UUID ticketId) {
        tenants.get(tenant);
        return auditTrail.historyOf(ticketId).stream()
                .filter(event -> event.tenantId().equals(tenant))
                .map(signatures::check)
                .filter(ActionSignatures.SignatureCheck::signed)
                .toList();
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the tenant's audit hash chain and name the first broken link")
    public ChainVerification verify(@PathVariable String tenant) {
        tenants.get(tenant);
        return verifier.verify(tenant);
    }
}
