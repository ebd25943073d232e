package io.tierzero.remediation;

import java.time.Duration;
import java.util.Map;

/**
 * What an action achieved. {@code awaitRequesterFor} is how long the lifecycle waits when the requester has a part
 * to play (a password reset is finished by the requester on the page the link leads to).
 */
public record ActionResult(Status status, String summary, Map<String, Object> details, Duration awaitRequesterFor) {

    public enum Status { SUCCEEDED, AWAITING_REQUESTER, FAILED, ROLLED_BACK }

    public static ActionResult succeeded(String summary, Map<String, Object> details) {
        return new ActionResult(Status.SUCCEEDED, summary, details, null);
    }

    public static ActionResult failed(String summary, Map<String, Object> details) {
        return new ActionResult(Status.FAILED, summary, details, null);
    }

    public static ActionResult rolledBack(String summary, Map<String, Object> details) {
        return new ActionResult(Status.ROLLED_BACK, summary, details, null);
    }

    public static ActionResult awaitingRequester(String summary, Map<String, Object> details, Duration period) {
        return new ActionResult(Status.AWAITING_REQUESTER, summary, details, period);
    }
}
