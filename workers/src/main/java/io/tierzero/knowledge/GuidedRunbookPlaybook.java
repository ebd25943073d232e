package io.tierzero.knowledge;

import io.tierzero.communication.Communications;
import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.ticket.Ticket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A guided runbook: automation sends the requester the runbook's guide for their own setup (the VPN product of their
 * office, the printer model at their site), rendered from the tenant's template {@code guide-<runbook>} and marked
 * as an automated answer. Whether it worked is the requester's answer to "did this resolve your issue?".
 */
public class GuidedRunbookPlaybook implements PlaybookAction {

    private final String runbookId;
    private final RequesterSites sites;
    private final Function<RequesterSites.Site, Map<String, Object>> guideValues;
    private final String subjectValue;
    private final Communications communications;

    /**
     * @param guideValues  what the guide needs from the requester's site; refuses when the site lacks it
     * @param subjectValue the value that names what the guide is about (the VPN product, the printer model)
     */
    public GuidedRunbookPlaybook(String runbookId, RequesterSites sites,
            Function<RequesterSites.Site, Map<String, Object>> guideValues, String subjectValue,
            Communications communications) {
        this.runbookId = runbookId;
        this.sites = sites;
        this.guideValues = guideValues;
        this.subjectValue = subjectValue;
        this.communications = communications;
    }

    @Override
    public String runbookId() {
        return runbookId;
    }

    @Override
    public Map<String, String> resolveInputs(Ticket ticket) {
        RequesterSites.Site site = sites.of(ticket);
        Map<String, String> inputs = new HashMap<>();
        inputs.put("site", site.code());
        guideValues.apply(site).forEach((name, value) -> inputs.put(name, String.valueOf(value)));
        return inputs;
    }

    @Override
    public ActionResult execute(PlaybookExecution execution, Ticket ticket) {
        RequesterSites.Site site = sites.of(ticket);
        Map<String, Object> values = new HashMap<>(guideValues.apply(site));
        values.put("siteName", site.name());
        communications.sendToRequester(ticket.ticketId(), "guide-" + runbookId, values, execution.executionId() + "/guide");
        return ActionResult.succeeded("Sent the " + runbookId + " guide for " + values.get(subjectValue) + " at "
                + site.name() + " as an automated answer", Map.of("guide", "guide-" + runbookId));
    }
}
