package io.tierzero.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Roles and tenants from an identity provider: the claims of tierzero.access.oidc.* in ID tokens and access tokens. */
final class OidcAuthorities {

    private final AccessProperties.Oidc claims;

    OidcAuthorities(AccessProperties.Oidc claims) {
        this.claims = claims;
    }

    /** After an OpenID Connect sign-in: the ID token's and the user info's claims. */
    Collection<GrantedAuthority> fromLogin(Collection<? extends GrantedAuthority> granted) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OidcUserAuthority oidcUser) {
                authorities.addAll(from(oidcUser.getIdToken().getClaims()));
                if (oidcUser.getUserInfo() != null) {
                    authorities.addAll(from(oidcUser.getUserInfo().getClaims()));
                }
            } else if (authority instanceof OAuth2UserAuthority oauth2User) {
                authorities.addAll(from(oauth2User.getAttributes()));
            }
        }
        return authorities;
    }

    /** An API call with a JWT access token; its user is the token's user-name claim, else its subject. */
    AbstractAuthenticationToken fromAccessToken(Jwt token) {
        String name = Optional.ofNullable(token.getClaimAsString(claims.userNameClaim())).orElse(token.getSubject());
        return new JwtAuthenticationToken(token, from(token.getClaims()), name);
    }

    private List<GrantedAuthority> from(Map<String, Object> tokenClaims) {
        return Authorities.of(Authorities.names(tokenClaims.get(claims.rolesClaim())).stream().filter(Role::isRole).toList(),
                Authorities.names(tokenClaims.get(claims.tenantsClaim())));
    }
}
