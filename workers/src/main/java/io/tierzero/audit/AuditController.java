package io.tierzero.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenants/{tenant}/audit")
public class AuditController {

    private final AuditChainVerifier verifier;
    private final TenantRepository tenants;

    public AuditController(AuditChainVerifier verifier, TenantRepository tenants) {
        this.verifier = verifier;
        this.tenants = tenants;
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the tenant's audit hash chain and name the first broken link")
    public ChainVerification verify(@PathVariable String tenant) {
        tenants.get(tenant);
        return verifier.verify(tenant);
    }
}
