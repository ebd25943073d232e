package io.tierzero.integration.chat;

import io.tierzero.integration.http.HmacSha256;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A Teams outgoing webhook's signature: the Authorization header is "HMAC " and the base64 HMAC-SHA256 of the raw
 * body, keyed with the webhook's security token (itself base64, decoded to the key).
 */
final class TeamsSignature {

    private static final String SCHEME = "HMAC ";

    private TeamsSignature() {
    }

    static void verify(String securityToken, String authorization, byte[] rawBody) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new UnverifiedChatRequestException("The Authorization header must be \"HMAC <signature>\".");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new UnverifiedChatRequestException("The HMAC signature is not base64.");
        }
        byte[] expected = HmacSha256.of(Base64.getDecoder().decode(securityToken.strip()), rawBody);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw new UnverifiedChatRequestException("The HMAC signature does not match the request.");
        }
    }
}
