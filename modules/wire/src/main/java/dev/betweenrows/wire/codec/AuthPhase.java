package dev.betweenrows.wire.codec;

/**
 * Which reply the server is waiting for. All password-family messages share type 'p'; only the
 * authentication exchange in progress tells them apart.
 */
public enum AuthPhase {
    /** Not authenticating: a 'p' message is a protocol violation. */
    NONE,
    /** After AuthenticationCleartextPassword or AuthenticationMD5Password: PasswordMessage. */
    PASSWORD,
    /** After AuthenticationSASL: SASLInitialResponse. */
    SASL_INITIAL,
    /** After AuthenticationSASLContinue: SASLResponse. */
    SASL_CONTINUE
}
