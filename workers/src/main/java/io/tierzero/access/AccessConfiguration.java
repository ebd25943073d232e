package io.tierzero.access;

import static io.tierzero.access.Role.AGENT;
import static io.tierzero.access.Role.ANALYST;
import static io.tierzero.access.Role.COMPLIANCE;
import static io.tierzero.access.Role.EXECUTIVE;
import static io.tierzero.access.Role.OPS;
import static io.tierzero.access.Role.REQUESTER;

import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in and who may do what. People sign in to the console with a form (local accounts) or through the
 * OpenID Connect provider of spring.security.oauth2.client.*; API clients send HTTP Basic credentials or the
 * provider's JWT access token (spring.security.oauth2.resourceserver.jwt.*). Every tenant's API needs a role
 * and that tenant among the person's tenants.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    InMemoryUserDetailsManager localAccounts(AccessProperties access) {
        return LocalAccounts.from(access.users());
    }

    /**
     * Webhooks (/integrations) and the links sent to requesters (/self-service) carry their own secrets: nothing
     * here reads their Authorization header, which is the peer's (a ServiceNow push sends its secret as Basic).
     */
    @Bean
    @Order(1)
    SecurityFilterChain ownSecrets(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(paths("/integrations/**", "/self-service/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain access(HttpSecurity http, AccessProperties access, AccessProblems problems,
            ObjectProvider<ClientRegistrationRepository> identityProvider, ObjectProvider<JwtDecoder> accessTokens)
            throws Exception {
        OidcAuthorities oidc = new OidcAuthorities(access.oidc());
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(paths("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error",
                        "/api/audit/signing-key")).permitAll()
                .requestMatchers(paths("/actuator/**")).hasRole(OPS.name())
                .requestMatchers(paths("/console/**", "/api/me")).authenticated()
                .requestMatchers(paths("/api/models/**")).hasRole(ANALYST.name())
                .requestMatchers(paths("/api/playbooks")).hasAnyRole(AGENT.name(), ANALYST.name(), OPS.name())
                .requestMatchers(paths("/api/ops/**")).access(forAllTenants(OPS))
                .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/tenants/{tenant}/requests")).access(forTenant(AGENT))
                .requestMatchers(paths("/api/tenants/{tenant}/my/**")).access(forTenant(REQUESTER))
                .requestMatchers(paths("/api/tenants/{tenant}/tasks/**")).access(forTenant(AGENT))
                .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/tenants/{tenant}/tickets/**")).access(forTenant(AGENT))
                .requestMatchers(paths("/api/tenants/{tenant}/tickets/**")).access(forTenant(AGENT, ANALYST, OPS, COMPLIANCE))
                .requestMatchers(paths("/api/tenants/{tenant}/audit/**", "/api/tenants/{tenant}/evidence-pack")).access(forTenant(COMPLIANCE))
                .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/tenants/{tenant}/reports/**")).access(forTenant(EXECUTIVE, ANALYST))
                .requestMatchers(paths("/api/tenants/{tenant}/reports/**")).access(forTenant(EXECUTIVE))
                .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/tenants/{tenant}/automation")).access(forTenant(ANALYST, OPS))
                .requestMatchers(paths("/api/tenants/{tenant}/automation")).access(forTenant(ANALYST))
                .requestMatchers(paths("/api/tenants/{tenant}/playbooks/**")).access(forTenant(ANALYST, OPS))
                .requestMatchers(paths("/api/tenants/{tenant}/alerts")).access(forTenant(AGENT, OPS))
                .requestMatchers(paths("/api/tenants/{tenant}/sync/**", "/api/tenants/{tenant}/outbox/**")).access(forTenant(OPS))
                .requestMatchers(paths("/api/**")).denyAll()
                .anyRequest().authenticated());
        http.httpBasic(basic -> basic.realmName("TierZero"));
        http.formLogin(form -> form.defaultSuccessUrl("/console/").permitAll());
        if (identityProvider.getIfAvailable() != null) {
            http.oauth2Login(login -> login.defaultSuccessUrl("/console/")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(oidc::fromLogin)));
        }
        if (accessTokens.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(oidc::fromAccessToken)));
        }
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        // a default, not the entry point: an explicit one would switch off the generated sign-in page
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(problems));
        CsrfTokenRequestAttributeHandler tokenInEveryResponse = new CsrfTokenRequestAttributeHandler();
        tokenInEveryResponse.setCsrfRequestAttributeName(null);
        // the console reads the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN; clients that send their
        // credentials themselves (Basic, Bearer) are not exposed to cross-site requests
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(tokenInEveryResponse)
                .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
        return http.build();
    }

    private static RequestMatcher[] paths(String... patterns) {
        return Arrays.stream(patterns).map(PATHS::matcher).toArray(RequestMatcher[]::new);
    }

    /** The role, for a person who works for every tenant: what the engine runs spans all of them. */
    private static AuthorizationManager<RequestAuthorizationContext> forAllTenants(Role role) {
        return (authentication, context) -> {
            var authorities = authentication.get().getAuthorities();
            return new AuthorizationDecision(authorities.contains(role.authority())
                    && TenantAuthority.allows(authorities, TenantAuthority.ALL_TENANTS));
        };
    }

    /** One of the roles, for a tenant among the person's tenants (the {tenant} of the path). */
    private static AuthorizationManager<RequestAuthorizationContext> forTenant(Role... roles) {
        return (authentication, context) -> {
            var authorities = authentication.get().getAuthorities();
            boolean hasRole = Arrays.stream(roles).map(Role::authority).anyMatch(authorities::contains);
            return new AuthorizationDecision(hasRole && TenantAuthority.allows(authorities, context.getVariables().get("tenant")));
        };
    }
}
