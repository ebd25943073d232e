package io.tierzero.access;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The tenants a person may work for, as authorities: TENANT_demo, or TENANT_* for every tenant of the MSP. */
final class TenantAuthority {

    static final String ALL_TENANTS = "*";
    private static final String PREFIX = "TENANT_";

    private TenantAuthority() {
    }

    static GrantedAuthority of(String tenant) {
        return new SimpleGrantedAuthority(PREFIX + tenant.trim());
    }

    static boolean allows(Collection<? extends GrantedAuthority> authorities, String tenant) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(PREFIX + ALL_TENANTS) || a.equals(PREFIX + tenant));
    }

    static boolean isTenant(GrantedAuthority authority) {
        return authority.getAuthority().startsWith(PREFIX);
    }

    static String tenant(GrantedAuthority authority) {
        return authority.getAuthority().substring(PREFIX.length());
    }
}
