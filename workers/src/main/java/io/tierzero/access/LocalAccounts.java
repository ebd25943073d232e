package io.tierzero.access;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The local accounts of tierzero.access.users; a wrong role name or a missing password stops the start. */
final class LocalAccounts {

    private LocalAccounts() {
    }

    static InMemoryUserDetailsManager from(Map<String, AccessProperties.LocalUser> users) {
        List<UserDetails> accounts = users.entrySet().stream().map(entry -> {
            String name = entry.getKey();
            AccessProperties.LocalUser user = entry.getValue();
            if (user.password() == null || !user.password().startsWith("{")) {
                throw new IllegalStateException("tierzero.access.users." + name + ".password must be an encoded password"
                        + " such as {bcrypt}$2a$10$... (htpasswd -nbBC 10 '' secret | cut -c2- gives one)");
            }
            if (user.roles().isEmpty()) {
                throw new IllegalStateException("tierzero.access.users." + name + ".roles is empty");
            }
            try {
                return User.withUsername(name).password(user.password())
                        .authorities(Authorities.of(user.roles(), user.tenants())).build();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tierzero.access.users." + name + ": " + e.getMessage(), e);
            }
        }).toList();
        return new InMemoryUserDetailsManager(accounts);
    }
}
