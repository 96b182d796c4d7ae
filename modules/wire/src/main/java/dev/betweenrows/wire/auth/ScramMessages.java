package dev.betweenrows.wire.auth;

import dev.betweenrows.wire.codec.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Parsers for the two SCRAM messages a client sends (RFC 5802 §7), strict as PostgreSQL's. */
final class ScramMessages {
    private static final int PROOF_LENGTH = ScramVerifier.KEY_LENGTH;

    /**
     * @param cbindFlag 'n', 'y' or 'p'
     * @param gs2Header the header exactly as sent, both commas included (the client echoes it in c=)
     * @param bare      client-first-message-bare exactly as sent (part of the AuthMessage)
     * @param nonce     the client nonce
     */
    record ClientFirst(char cbindFlag, String gs2Header, String bare, String nonce) {}

    /** @param withoutProof the message up to ",p=" (part of the AuthMessage) */
    record ClientFinal(byte[] channelBinding, String nonce, String withoutProof, byte[] proof) {}

    private ScramMessages() {}

    static ClientFirst parseClientFirst(byte[] message) {
        String s = utf8(message);
        char flag = s.isEmpty() ? 0 : s.charAt(0);
        int afterFlag;
        if (flag == 'n' || flag == 'y') {
            afterFlag = 1;
        } else if (flag == 'p' && s.startsWith("p=")) {
            afterFlag = s.indexOf(',');
        } else {
            throw malformed("unexpected channel-binding flag");
        }
        if (afterFlag < 0 || afterFlag >= s.length() || s.charAt(afterFlag) != ',') {
            throw malformed("comma expected");
        }
        if (s.startsWith("a=", afterFlag + 1)) {
            throw new ProtocolException("0A000", "client uses authorization identity, but it is not supported");
        }
        if (afterFlag + 1 >= s.length() || s.charAt(afterFlag + 1) != ',') {
            throw malformed("comma expected");
        }
        String gs2 = s.substring(0, afterFlag + 2);
        String bare = s.substring(afterFlag + 2);
        if (bare.startsWith("m=")) {
            throw new ProtocolException("0A000", "client requires an unsupported SCRAM extension");
        }
        if (!bare.startsWith("n=")) {
            throw malformed("user name expected");
        }
        int r = bare.indexOf(",r=");
        if (r < 0) {
            throw malformed("nonce expected");
        }
        int end = bare.indexOf(',', r + 3);
        String nonce = bare.substring(r + 3, end < 0 ? bare.length() : end);
        if (nonce.isEmpty() || !printable(nonce)) {
            throw malformed("invalid nonce");
        }
        return new ClientFirst(flag, gs2, bare, nonce);
    }

    static ClientFinal parseClientFinal(byte[] message) {
        String s = utf8(message);
        if (!s.startsWith("c=")) {
            throw malformed("channel binding expected");
        }
        int comma = s.indexOf(',');
        if (comma < 0 || !s.startsWith("r=", comma + 1)) {
            throw malformed("nonce expected");
        }
        byte[] cbind = base64(s.substring(2, comma));
        int nonceEnd = s.indexOf(',', comma + 3);
        if (nonceEnd < 0) {
            throw malformed("proof expected");
        }
        String nonce = s.substring(comma + 3, nonceEnd);
        int p = s.lastIndexOf(",p=");
        if (p < nonceEnd) {
            throw malformed("proof expected");
        }
        byte[] proof = base64(s.substring(p + 3));
        if (proof.length != PROOF_LENGTH) {
            throw malformed("invalid proof");
        }
        return new ClientFinal(cbind, nonce, s.substring(0, p), proof);
    }

    /** RFC 5802: printable ASCII except ','. */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw malformed("invalid base64");
        }
    }

    private static String utf8(byte[] message) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("invalid UTF-8");
        }
    }

    private static ProtocolException malformed(String why) {
        return ProtocolException.violation("malformed SCRAM message: " + why);
    }
}
