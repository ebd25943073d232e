package io.tierzero.access;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, for the console to show the views of the person's roles. */
@RestController
class SignedInController {

    record SignedIn(String name, List<String> roles, List<String> tenants) {
    }

    @GetMapping("/api/me")
    SignedIn signedIn(Authentication authentication) {
        var authorities = authentication.getAuthorities();
        return new SignedIn(authentication.getName(),
                Arrays.stream(Role.values()).filter(role -> authorities.contains(role.authority())).map(Role::lowerCase).toList(),
                authorities.stream().filter(TenantAuthority::isTenant).map(TenantAuthority::tenant).sorted().toList());
    }
}
