package io.tierzero.identity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The user directory of each tenant: tierzero.directories.&lt;tenant&gt;.*. */
@ConfigurationProperties("tierzero")
public record DirectoryProperties(@DefaultValue Map<String, Settings> directories) {

    /**
     * @param url           ldap://host:389 or ldaps://host:636
     * @param bindDn        the service account TierZero binds with
     * @param bindPassword  its password (from the environment or a secret store)
     * @param baseDn        where user accounts are searched
     * @param flavor        {@code ldap} (RFC 3062 password modify, ppolicy lock attribute) or
     *                      {@code active-directory} (unicodePwd over LDAPS, lockoutTime)
     * @param usernameAttribute the attribute that holds the requester id: uid, or sAMAccountName on AD
     * @param trustAllCertificates for test directories with self-signed certificates only
     */
    public record Settings(String url, String bindDn, String bindPassword, String baseDn,
            @DefaultValue("ldap") Flavor flavor, String usernameAttribute,
            @DefaultValue("false") boolean trustAllCertificates) {

        public String usernameAttributeOrDefault() {
            return usernameAttribute != null ? usernameAttribute : flavor == Flavor.ACTIVE_DIRECTORY ? "sAMAccountName" : "uid";
        }
    }

    public enum Flavor { LDAP, ACTIVE_DIRECTORY }
}
