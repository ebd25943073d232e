package io.tierzero.communication;

/** A message as the requester reads it: plain text, the same for e-mail and chat. */
public record RenderedMessage(String subject, String body) {
}
