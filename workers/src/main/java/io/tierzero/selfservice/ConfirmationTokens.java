package io.tierzero.selfservice;

import com.google.crypto.tink.jwt.JwtInvalidException;
import com.google.crypto.tink.jwt.JwtMac;
import com.google.crypto.tink.jwt.JwtValidator;
import com.google.crypto.tink.jwt.RawJwt;
import com.google.crypto.tink.jwt.VerifiedJwt;
import io.tierzero.keys.KeyRing;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The signed, expiring tokens (JWT, HMAC-SHA256 with the key ring's token key) of confirmation links. */
@Component
public class ConfirmationTokens {

    private static final String ISSUER = "tierzero";
    private static final String AUDIENCE = "requester-confirmation";

    private final JwtMac jwtMac;
    private final Clock clock;

    public ConfirmationTokens(KeyRing keyRing, Clock clock) {
        this.jwtMac = keyRing.tokens();
        this.clock = clock;
    }

    public String issue(ConfirmationClaim claim, Instant expiresAt) {
        RawJwt jwt = RawJwt.newBuilder()
                .setIssuer(ISSUER)
                .addAudience(AUDIENCE)
                .setSubject(claim.ticketId().toString())
                .addStringClaim("tenant", claim.tenantId())
                .addStringClaim("answer", claim.resolved() ? "yes" : "no")
                .addNumberClaim("reopenCount", claim.reopenCount())
                .setIssuedAt(Instant.now(clock))
                .setExpiration(expiresAt)
                .build();
        try {
            return jwtMac.computeMacAndEncode(jwt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a confirmation token", e);
        }
    }

    /** The claim of a token that TierZero signed and that has not expired. */
    public ConfirmationClaim verify(String token) {
        JwtValidator validator = JwtValidator.newBuilder().expectIssuer(ISSUER).expectAudience(AUDIENCE)
                .setClock(clock).build();
        VerifiedJwt jwt;
        try {
            jwt = jwtMac.verifyMacAndDecode(token, validator);
        } catch (JwtInvalidException e) {
            if (e.getMessage() != null && e.getMessage().contains("expired")) {
                throw new InvalidConfirmationLinkException(HttpStatus.GONE,
                        "This link has expired. If the issue is not resolved, please open a new request.");
            }
            throw invalid();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid();
        }
        try {
            return new ConfirmationClaim(UUID.fromString(jwt.getSubject()), jwt.getStringClaim("tenant"),
                    "yes".equals(jwt.getStringClaim("answer")), jwt.getNumberClaim("reopenCount").intValue());
        } catch (JwtInvalidException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidConfirmationLinkException invalid() {
        return new InvalidConfirmationLinkException(HttpStatus.BAD_REQUEST,
                "This link is not valid. Please use the link exactly as it is in the message we sent you.");
    }
}
