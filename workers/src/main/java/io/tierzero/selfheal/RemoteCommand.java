package io.tierzero.selfheal;

/** A command line made from an allow-listed template; there is no other way to make one. */
public record RemoteCommand(AllowedCommand command, String line) {
}
