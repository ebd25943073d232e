package io.tierzero.identity;

/** An account as found in the directory. */
public record DirectoryAccount(String username, String distinguishedName, String displayName, String email,
        boolean locked, boolean disabled) {
}
