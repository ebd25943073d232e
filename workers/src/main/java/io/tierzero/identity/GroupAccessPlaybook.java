package io.tierzero.identity;

import io.tierzero.identity.AccessCatalogue.GrantableResource;
import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.ticket.Ticket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grants access to a resource of the tenant's access catalogue (shared mailbox, file share, application role) by
 * adding the requester's account to the resource's directory group, after the approval the runbook declares (the
 * security team's for sensitive resources). A licensed resource takes a seat from its pool first; a grant that does
 * not verify is removed again and its seat released.
 */
public class GroupAccessPlaybook implements PlaybookAction {

    private final String runbookId;
    private final List<String> resourceKinds;
    private final IdentityChecks checks;
    private final AccessCatalogue catalogue;
    private final LicencePools licences;

    public GroupAccessPlaybook(String runbookId, List<String> resourceKinds, IdentityChecks checks,
            AccessCatalogue catalogue, LicencePools licences) {
        this.runbookId = runbookId;
        this.resourceKinds = resourceKinds;
        this.checks = checks;
        this.catalogue = catalogue;
        this.licences = licences;
    }

    @Override
    public String runbookId() {
        return runbookId;
    }

    @Override
    public Map<String, String> resolveInputs(Ticket ticket) {
        DirectoryAccount account = checks.activeAccount(ticket);
        List<GrantableResource> named = catalogue.named(ticket.tenantId(), resourceKinds, ticket.subject() + " " + ticket.body());
        if (named.size() != 1) {
            throw new PlaybookRefusedException(named.isEmpty()
                    ? "The request names no " + String.join(" or ", resourceKinds) + " that automation may grant"
                    : "The request names several resources: " + named.stream().map(GrantableResource::name).toList());
        }
        GrantableResource resource = named.get(0);
        if (checks.isMember(ticket, account, resource.groupDn())) {
            throw new PlaybookRefusedException(account.username() + " already has " + resource.name()
                    + ": the problem is not missing access");
        }
        if (resource.licencePool() != null && licences.free(ticket.tenantId(), resource.licencePool()) <= 0) {
            throw new PlaybookRefusedException("No licence left in pool " + resource.licencePool() + " for "
                    + resource.name());
        }
        Map<String, String> inputs = new HashMap<>();
        inputs.put("account", account.username());
        inputs.put("accountDn", account.distinguishedName());
        inputs.put("resourceId", resource.resourceId());
        inputs.put("resource", resource.name());
        inputs.put("groupDn", resource.groupDn());
        inputs.put("licencePool", resource.licencePool() == null ? "" : resource.licencePool());
        inputs.put(SENSITIVE_INPUT, Boolean.toString(resource.sensitive()));
        return inputs;
    }

    @Override
    public ActionResult execute(PlaybookExecution execution, Ticket ticket) {
        Directory directory = checks.directoryOf(ticket);
        DirectoryAccount account = new DirectoryAccount(execution.input("account"), execution.input("accountDn"),
                null, null, false, false);
        String groupDn = execution.input("groupDn");
        String pool = execution.input("licencePool");
        boolean licensed = !pool.isEmpty();
        if (licensed && !licences.reserve(ticket.tenantId(), pool, account.username(), execution.executionId())) {
            return ActionResult.failed("No licence left in pool " + pool + "; nothing was granted", Map.of());
        }
        try {
            directory.addToGroup(account, groupDn);
            if (!directory.isMember(account, groupDn)) {
                directory.removeFromGroup(account, groupDn);
                releaseIf(licensed, ticket, pool, account);
                return ActionResult.rolledBack("The directory does not show " + account.username() + " in "
                        + groupDn + " after the grant; the grant was removed and the licence released", Map.of());
            }
        } catch (DirectoryUnavailableException e) {
            releaseIf(licensed, ticket, pool, account);
            return ActionResult.failed("The directory became unavailable during the grant: " + e.getMessage(), Map.of());
        }
        if (licensed) {
            licences.assign(ticket.tenantId(), pool, account.username());
        }
        return ActionResult.succeeded("Access to " + execution.input("resource") + " granted to " + account.username()
                + " (member of " + groupDn + ", verified)" + (licensed ? "; a " + pool + " licence is assigned" : ""),
                Map.of("resourceId", execution.input("resourceId")));
    }

    private void releaseIf(boolean licensed, Ticket ticket, String pool, DirectoryAccount account) {
        if (licensed) {
            licences.release(ticket.tenantId(), pool, account.username());
        }
    }
}
