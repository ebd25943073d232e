package io.tierzero.access;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document says how to sign in, so Swagger UI's "Authorize" works with an account or a token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "TierZero API"),
        security = {@SecurityRequirement(name = "account"), @SecurityRequirement(name = "identityProvider")})
@SecurityScheme(name = "account", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A TierZero account (tierzero.access.users; the demo accounts on the embedded default)")
@SecurityScheme(name = "identityProvider", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token of the OpenID Connect provider (spring.security.oauth2.resourceserver.jwt.*)")
class ApiSignIn {
}
