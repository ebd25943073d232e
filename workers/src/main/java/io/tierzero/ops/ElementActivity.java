package io.tierzero.ops;

/** A BPMN element with its active element instances; the name is null when the diagram gives none. */
public record ElementActivity(String elementId, String elementName, long activeInstances) {
}
