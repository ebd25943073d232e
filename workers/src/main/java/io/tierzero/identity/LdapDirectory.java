package io.tierzero.identity;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * A directory over LDAP: OpenLDAP-style servers (password modify extended operation, the ppolicy
 * pwdAccountLockedTime attribute) or Active Directory (unicodePwd, which AD only accepts over LDAPS; lockoutTime).
 * Connections come from a small pool, opened lazily, so a directory that is down at start-up does not stop the app.
 */
public class LdapDirectory implements Directory, AutoCloseable {

    private static final String LDAP_LOCK_ATTRIBUTE = "pwdAccountLockedTime";
    private static final String AD_LOCK_ATTRIBUTE = "lockoutTime";
    private static final int AD_ACCOUNT_DISABLED = 0x2;

    private final DirectoryProperties.Settings settings;
    private final LDAPURL url;
    private LDAPConnectionPool pool;

    public LdapDirectory(DirectoryProperties.Settings settings) {
        this.settings = settings;
        try {
            this.url = new LDAPURL(settings.url());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Not an LDAP URL: " + settings.url(), e);
        }
    }

    @Override
    public Optional<DirectoryAccount> findAccount(String username) {
        try {
            SearchResultEntry entry = pool().searchForEntry(settings.baseDn(), SearchScope.SUB,
                    Filter.createEqualityFilter(settings.usernameAttributeOrDefault(), username));
            return Optional.ofNullable(entry).map(found -> account(username, found));
        } catch (LDAPException e) {
            throw unavailable("search for " + username, e);
        }
    }

    @Override
    public void setPassword(DirectoryAccount account, String newPassword) {
        try {
            if (settings.flavor() == DirectoryProperties.Flavor.ACTIVE_DIRECTORY) {
                byte[] quoted = ("\"" + newPassword + "\"").getBytes(StandardCharsets.UTF_16LE);
                pool().modify(account.distinguishedName(),
                        new Modification(ModificationType.REPLACE, "unicodePwd", quoted));
            } else {
                var result = pool().processExtendedOperation(
                        new PasswordModifyExtendedRequest(account.distinguishedName(), null, newPassword));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
            }
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.CONSTRAINT_VIOLATION || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
                throw new PasswordRejectedException("The directory refused the new password: " + e.getDiagnosticMessage());
            }
            throw unavailable("set the password of " + account.username(), e);
        }
    }

    @Override
    public boolean authenticates(DirectoryAccount account, String password) {
        try (LDAPConnection connection = connect()) {
            BindResult result = connection.bind(account.distinguishedName(), password);
            return result.getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw unavailable("verify the password of " + account.username(), e);
        }
    }

    @Override
    public void unlock(DirectoryAccount account) {
        modify(account, settings.flavor() == DirectoryProperties.Flavor.ACTIVE_DIRECTORY
                ? new Modification(ModificationType.REPLACE, AD_LOCK_ATTRIBUTE, "0")
                : new Modification(ModificationType.DELETE, LDAP_LOCK_ATTRIBUTE), "unlock");
    }

    @Override
    public boolean isMember(DirectoryAccount account, String groupDn) {
        try {
            return pool().compare(groupDn, "member", account.distinguishedName()).compareMatched();
        } catch (LDAPException e) {
            throw unavailable("check the members of " + groupDn, e);
        }
    }

    @Override
    public void addToGroup(DirectoryAccount account, String groupDn) {
        try {
            pool().modify(groupDn, new Modification(ModificationType.ADD, "member", account.distinguishedName()));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
                throw unavailable("add " + account.username() + " to " + groupDn, e);
            }
        }
    }

    @Override
    public void removeFromGroup(DirectoryAccount account, String groupDn) {
        try {
            pool().modify(groupDn, new Modification(ModificationType.DELETE, "member", account.distinguishedName()));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_ATTRIBUTE) {
                throw unavailable("remove " + account.username() + " from " + groupDn, e);
            }
        }
    }

    private void modify(DirectoryAccount account, Modification modification, String what) {
        try {
            pool().modify(account.distinguishedName(), modification);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
                return; // already unlocked: the step is idempotent
            }
            throw unavailable(what + " " + account.username(), e);
        }
    }

    private DirectoryAccount account(String username, SearchResultEntry entry) {
        boolean locked;
        boolean disabled;
        if (settings.flavor() == DirectoryProperties.Flavor.ACTIVE_DIRECTORY) {
            Long lockoutTime = entry.getAttributeValueAsLong(AD_LOCK_ATTRIBUTE);
            Integer control = entry.getAttributeValueAsInteger("userAccountControl");
            locked = lockoutTime != null && lockoutTime != 0;
            disabled = control != null && (control & AD_ACCOUNT_DISABLED) != 0;
        } else {
            locked = entry.hasAttribute(LDAP_LOCK_ATTRIBUTE);
            disabled = "true".equalsIgnoreCase(entry.getAttributeValue("nsAccountLock"));
        }
        return new DirectoryAccount(username, entry.getDN(), entry.getAttributeValue("cn"),
                entry.getAttributeValue("mail"), locked, disabled);
    }

    private synchronized LDAPConnectionPool pool() throws LDAPException {
        if (pool == null || pool.isClosed()) {
            LDAPConnection connection = connect();
            connection.bind(settings.bindDn(), settings.bindPassword());
            pool = new LDAPConnectionPool(connection, 1, 4);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
        }
        return pool;
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(10_000);
        return new LDAPConnection(socketFactory(), options, url.getHost(), url.getPort());
    }

    private SocketFactory socketFactory() {
        if (!"ldaps".equalsIgnoreCase(url.getScheme())) {
            return SocketFactory.getDefault();
        }
        try {
            SSLUtil ssl = settings.trustAllCertificates() ? new SSLUtil(new TrustAllTrustManager()) : new SSLUtil();
            return ssl.createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for " + settings.url(), e);
        }
    }

    private DirectoryUnavailableException unavailable(String what, LDAPException e) {
        return new DirectoryUnavailableException("The directory at " + settings.url() + " could not " + what + ": "
                + e.getResultCode() + " " + e.getDiagnosticMessage(), e);
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
