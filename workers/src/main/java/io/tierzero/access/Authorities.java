package io.tierzero.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;

/** Roles and tenants, from configuration or from an identity provider's claims, as Spring Security authorities. */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(Collection<String> roles, Collection<String> tenants) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.stream().map(Role::named).map(Role::authority).forEach(authorities::add);
        tenants.stream().filter(tenant -> !tenant.isBlank()).map(TenantAuthority::of).forEach(authorities::add);
        return authorities;
    }

    /** A claim's value as names: a JSON list, or one string of names separated by spaces or commas. */
    static List<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
