package io.tierzero.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SigningKeyController {

    private final ActionSignatures signatures;

    public SigningKeyController(ActionSignatures signatures) {
        this.signatures = signatures;
    }

    @GetMapping(path = "/api/audit/signing-key", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The public key (Tink JSON keyset, Ed25519) that automated actions in the audit trail are signed with")
    public String signingKey() {
        return signatures.publicKeyset();
    }
}
