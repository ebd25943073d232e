package io.tierzero.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EscalationPackageController {

    private final EscalationPackages packages;
    private final TenantRepository tenants;

    public EscalationPackageController(EscalationPackages packages, TenantRepository tenants) {
        this.packages = packages;
        this.tenants = tenants;
    }

    @GetMapping("/api/tenants/{tenant}/tickets/{ticketId}/escalation-package")
    @Operation(summary = "The latest escalation package of a ticket handed to people: context, automation attempts, devices, similar tickets, suggested steps")
    public EscalationPackage latest(@PathVariable String tenant, @PathVariable UUID ticketId) {
        tenants.get(tenant);
        return packages.latest(tenant, ticketId).orElseThrow(() -> new NoEscalationPackageException(ticketId));
    }
}
