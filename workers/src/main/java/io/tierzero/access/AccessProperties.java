package io.tierzero.access;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in, tierzero.access.*: local accounts, and how an OpenID Connect provider's claims give roles and
 * tenants.
 *
 * @param users local accounts by user name (for the embedded default and small installations; a real deployment
 *              signs in through its identity provider)
 * @param oidc  the claims of an ID token or a JWT access token that carry roles and tenants
 */
@ConfigurationProperties("tierzero.access")
public record AccessProperties(@DefaultValue Map<String, LocalUser> users, @DefaultValue Oidc oidc) {

    /**
     * @param password a Spring Security encoded password: {bcrypt}..., {argon2}... ({noop} only for tests)
     * @param roles    requester, agent, analyst, ops, compliance, executive
     * @param tenants  the tenants this person works for; * for every tenant
     */
    public record LocalUser(String password, @DefaultValue List<String> roles, @DefaultValue List<String> tenants) {
    }

    /**
     * @param rolesClaim    the claim listing TierZero role names (a list, or one space-separated string)
     * @param tenantsClaim  the claim listing the tenants (or *)
     * @param userNameClaim the access token's claim naming the user (the token's subject when it has none); the
     *                      sign-in's is spring.security.oauth2.client.provider.*.user-name-attribute
     */
    public record Oidc(@DefaultValue("roles") String rolesClaim, @DefaultValue("tenants") String tenantsClaim,
            @DefaultValue("preferred_username") String userNameClaim) {
    }
}
