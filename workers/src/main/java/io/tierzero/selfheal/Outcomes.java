package io.tierzero.selfheal;

import io.tierzero.remediation.ActionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The result of a remote action as kept in its ledger row, so a redelivered job reports it instead of acting again. */
final class Outcomes {

    private static final String STATUS = "outcome";
    private static final String SUMMARY = "summary";

    private Outcomes() {
    }

    static Map<String, Object> details(ActionResult result) {
        Map<String, Object> details = new LinkedHashMap<>(result.details());
        details.put(STATUS, result.status().name());
        details.put(SUMMARY, result.summary());
        return details;
    }

    static ActionResult recorded(SelfHealAction action) {
        Map<String, Object> details = new LinkedHashMap<>(action.details());
        ActionResult.Status status = ActionResult.Status.valueOf(Objects.toString(details.remove(STATUS)));
        return new ActionResult(status, Objects.toString(details.remove(SUMMARY)), details, null);
    }
}
