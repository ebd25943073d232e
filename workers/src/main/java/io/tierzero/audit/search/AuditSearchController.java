package io.tierzero.audit.search;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.audit.search.AuditSearch.AuditSearchResult;
import io.tierzero.tenant.TenantRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuditSearchController {

    private final AuditSearch search;
    private final TenantRepository tenants;

    public AuditSearchController(AuditSearch search, TenantRepository tenants) {
        this.search = search;
        this.tenants = tenants;
    }

    @GetMapping("/api/tenants/{tenant}/audit/events")
    @Operation(summary = "Search the tenant's audit trail and process history",
            description = "ticket: reference number or id; actor: actor id; action: exact, or a prefix ending in * "
                    + "(task.*); text: words of the reason or payload; from/to: ISO-8601 instants (to excluded). "
                    + "Newest first.")
    public AuditSearchResult events(@PathVariable String tenant, @RequestParam(required = false) String ticket,
                                    @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String text, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int offset,
                                    @RequestParam(defaultValue = "50") int limit) {
        tenants.get(tenant);
        return search.search(new AuditQuery(tenant, ticket, actor, action, text, AuditQuery.instant("from", from),
                AuditQuery.instant("to", to), offset, limit));
    }
}
