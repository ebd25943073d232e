package io.tierzero.ticket;

/**
 * Where in its lifecycle process a ticket is when something happens: the instance, the BPMN element and the
 * job. Kept in domain terms so the domain does not depend on the process engine.
 */
public record ProcessStep(long processInstanceKey, String elementId, long jobKey) {
}
