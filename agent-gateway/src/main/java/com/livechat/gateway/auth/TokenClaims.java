package com.livechat.gateway.auth;

import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** How the gateway reads the claims of the tokens it issues ({@link TokenIssuer}). */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** A string claim, whichever JSON or Java type the token library hands it back as. */
    public static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    /** The display name of a staff token. */
    public static String displayName(JsonWebToken token) {
        return stringClaim(token, "name");
    }

    /** The only conversation a customer token is good for. */
    public static String conversationId(JsonWebToken token) {
        return stringClaim(token, TokenIssuer.CONVERSATION_CLAIM);
    }

    /**
     * The account's credentials version the token was issued at: 0 for a token without the claim (issued before
     * accounts had versions, so it holds until the account's first change), -1 (never current) for a garbled one.
     */
    public static int credentialsVersion(JsonWebToken token) {
        String claim = stringClaim(token, TokenIssuer.CREDENTIALS_VERSION_CLAIM);
        if (claim == null) {
            return 0;
        }
        try {
            return Integer.parseInt(claim);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
