package dev.betweenrows.wire.upstream;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import com.ongres.scram.common.exception.ScramException;
import dev.betweenrows.wire.codec.BackendMessages;
import dev.betweenrows.wire.codec.RawMessage;
import dev.betweenrows.wire.message.AuthenticationCleartextPassword;
import dev.betweenrows.wire.message.AuthenticationMD5Password;
import dev.betweenrows.wire.message.AuthenticationOk;
import dev.betweenrows.wire.message.AuthenticationSASL;
import dev.betweenrows.wire.message.AuthenticationSASLContinue;
import dev.betweenrows.wire.message.AuthenticationSASLFinal;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.ErrorResponse;
import dev.betweenrows.wire.message.NoticeResponse;
import dev.betweenrows.wire.message.PasswordMessage;
import dev.betweenrows.wire.message.SASLInitialResponse;
import dev.betweenrows.wire.message.SASLResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The proxy's side of upstream authentication: SCRAM-SHA-256 (through com.ongres.scram, as pgjdbc), md5, and
 * a cleartext password only inside TLS. Anything else (trust aside) is refused rather than weakened.
 */
final class UpstreamAuth {
    private UpstreamAuth() {}

    /** Answers authentication requests until AuthenticationOk. */
    static void run(UpstreamWire wire, String username, char[] password, boolean tls)
            throws IOException, UpstreamException {
        ScramClient scram = null;
        while (true) {
            BackendMessage m = decode(wire.read());
            switch (m) {
                case AuthenticationOk ok -> {
                    return;
                }
                case AuthenticationCleartextPassword c -> {
                    if (!tls) {
                        throw new UpstreamException("upstream asked for a cleartext password without TLS; refused");
                    }
                    wire.sendAndFlush(new PasswordMessage(new String(password)));
                }
                case AuthenticationMD5Password md5 -> wire.sendAndFlush(new PasswordMessage(md5(username, password, md5.salt())));
                case AuthenticationSASL sasl -> {
                    scram = scramClient(sasl, username, password);
                    wire.sendAndFlush(new SASLInitialResponse(scram.getScramMechanism().getName(),
                            utf8(scram.clientFirstMessage().toString())));
                }
                case AuthenticationSASLContinue cont -> {
                    requireScram(scram);
                    try {
                        scram.serverFirstMessage(new String(cont.data(), StandardCharsets.UTF_8));
                    } catch (ScramException e) {
                        throw new UpstreamException("upstream SCRAM server-first rejected: " + e.getMessage(), e);
                    }
                    wire.sendAndFlush(new SASLResponse(utf8(scram.clientFinalMessage().toString())));
                }
                case AuthenticationSASLFinal fin -> {
                    requireScram(scram);
                    try {
                        scram.serverFinalMessage(new String(fin.data(), StandardCharsets.UTF_8));
                    } catch (ScramException e) {
                        throw new UpstreamException("upstream SCRAM server signature invalid: " + e.getMessage(), e);
                    }
                }
                case NoticeResponse n -> { } // informational only
                case ErrorResponse e -> throw new UpstreamException("upstream refused the login: " + e.sqlState()
                        + " " + e.message());
                default -> throw new UpstreamException("unexpected message during upstream authentication: "
                        + m.getClass().getSimpleName());
            }
        }
    }

    private static ScramClient scramClient(AuthenticationSASL sasl, String username, char[] password)
            throws UpstreamException {
        if (!sasl.mechanisms().contains("SCRAM-SHA-256")) {
            throw new UpstreamException("upstream offers no usable SASL mechanism: " + sasl.mechanisms());
        }
        // channel binding (-PLUS) is not offered by this client: only plain SCRAM-SHA-256 is advertised to it
        return ScramClient.builder()
                .advertisedMechanisms(java.util.List.of("SCRAM-SHA-256"))
                .username("*") // PostgreSQL ignores the SCRAM user name and uses the startup user
                .password(password)
                .stringPreparation(StringPreparation.POSTGRESQL_PREPARATION)
                .build();
    }

    private static void requireScram(ScramClient scram) throws UpstreamException {
        if (scram == null) {
            throw new UpstreamException("SASL continuation without a SASL start");
        }
    }

    /** {@code "md5" + md5hex(md5hex(password + user) + salt)}. */
    static String md5(String username, char[] password, byte[] salt) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] pw = utf8(new String(password));
            md.update(pw);
            md.update(utf8(username));
            Arrays.fill(pw, (byte) 0);
            byte[] inner = utf8(HexFormat.of().formatHex(md.digest()));
            md.update(inner);
            md.update(salt);
            return "md5" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    private static BackendMessage decode(RawMessage raw) throws UpstreamException {
        if (raw == null) {
            throw new UpstreamException("upstream closed the connection during authentication");
        }
        if (raw.type() == 'R' || raw.type() == 'E' || raw.type() == 'N' || raw.type() == 'v') {
            return BackendMessages.decode(raw);
        }
        throw new UpstreamException("unexpected message type " + (char) raw.type() + " during upstream authentication");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
