package io.tierzero.identity;

import java.util.Optional;

/**
 * A tenant's user directory (LDAP or Active Directory), as the playbooks see it. Every method throws
 * {@link DirectoryUnavailableException} when the directory cannot be reached: the caller decides what waits.
 */
public interface Directory {

    Optional<DirectoryAccount> findAccount(String username);

    void setPassword(DirectoryAccount account, String newPassword);

    /** Whether the password signs the account in: the verification of a reset. */
    boolean authenticates(DirectoryAccount account, String password);

    void unlock(DirectoryAccount account);

    boolean isMember(DirectoryAccount account, String groupDn);

    /** Adds the account to the group; already a member is fine. */
    void addToGroup(DirectoryAccount account, String groupDn);

    /** Removes the account from the group: the rollback of a grant; not a member is fine. */
    void removeFromGroup(DirectoryAccount account, String groupDn);
}
