package io.tierzero.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import io.tierzero.keys.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs what an automated playbook did, so that an auditor can check with the public key alone that the record of
 * an action (which playbook, which version, on which inputs, with which result, on whose approval) is the one the
 * product wrote. The hash chain shows that no event was removed or changed; the signature shows who wrote it.
 */
@Component
public class ActionSignatures {

    public static final String ALGORITHM = "Ed25519 (Tink)";

    private final PublicKeySign signer;
    private final PublicKeyVerify verifier;
    private final String publicKeyset;
    private final ObjectMapper json;

    public ActionSignatures(KeyRing keys, ObjectMapper json) {
        this.signer = keys.signer();
        this.verifier = keys.verifier();
        this.publicKeyset = keys.publicSigningKeyset();
        this.json = json;
    }

    /** The public half of the signing key (Tink JSON keyset): all an auditor needs to check the signatures. */
    public String publicKeyset() {
        return publicKeyset;
    }

    /** Whether a stored audit event carries a signature, and whether it checks out. */
    public SignatureCheck check(AuditEvent event) {
        JsonNode payload;
        try {
            payload = json.readTree(event.payload());
        } catch (JsonProcessingException e) {
            return new SignatureCheck(event.sequenceNumber(), event.action(), false, false);
        }
        if (!payload.hasNonNull("signature")) {
            return new SignatureCheck(event.sequenceNumber(), event.action(), false, false);
        }
        String approvedBy = payload.path("approvedBy").asText();
        SignedAction action = new SignedAction(event.tenantId(), event.ticketId(),
                UUID.fromString(payload.path("executionId").asText()), payload.path("playbookId").asText(),
                payload.path("playbookVersion").asText(), payload.path("inputDigest").asText(),
                payload.path("result").asText(), approvedBy.isEmpty() ? null : approvedBy);
        return new SignatureCheck(event.sequenceNumber(), event.action(), true,
                verify(action, payload.path("signature").asText()));
    }

    public record SignatureCheck(long sequenceNumber, String action, boolean signed, boolean valid) {
    }

    /** The signed statement and its signature, as audit payload fields. */
    public Map<String, Object> sign(SignedAction action) {
        try {
            byte[] signature = signer.sign(action.canonical().getBytes(StandardCharsets.UTF_8));
            Map<String, Object> fields = new LinkedHashMap<>(action.fields());
            fields.put("signature", Base64.getEncoder().encodeToString(signature));
            fields.put("signatureAlgorithm", ALGORITHM);
            return fields;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the action record", e);
        }
    }

    public boolean verify(SignedAction action, String signature) {
        try {
            verifier.verify(Base64.getDecoder().decode(signature), action.canonical().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 of the inputs as canonical JSON: the inputs themselves may hold personal data. */
    public static String digestOf(Map<String, ?> inputs) {
        return Sha256.hex(AuditTrail.canonicalJson(inputs));
    }

    /** What a signature covers. */
    public record SignedAction(String tenantId, UUID ticketId, UUID executionId, String playbookId,
            String playbookVersion, String inputDigest, String result, String approvedBy) {

        Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("executionId", executionId.toString());
            fields.put("playbookId", playbookId);
            fields.put("playbookVersion", playbookVersion);
            fields.put("inputDigest", inputDigest);
            fields.put("result", result);
            fields.put("approvedBy", approvedBy == null ? "" : approvedBy);
            return fields;
        }

        String canonical() {
            return String.join("\n", "tierzero-action/1", tenantId, ticketId.toString(), executionId.toString(),
                    playbookId, playbookVersion, inputDigest, result, approvedBy == null ? "" : approvedBy);
        }
    }
}
