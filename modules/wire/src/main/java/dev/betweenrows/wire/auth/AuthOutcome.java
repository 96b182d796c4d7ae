package dev.betweenrows.wire.auth;

import dev.betweenrows.store.UserRecord;

/** How an authentication exchange ended. */
public sealed interface AuthOutcome {
    /** The password was right and the user is active; AuthenticationOk has not been sent yet. */
    record Authenticated(UserRecord user) implements AuthOutcome {}

    /** Wrong password, unknown or inactive user: one message for all of them. */
    record Failed(String sqlState, String message) implements AuthOutcome {}

    /** The client closed the connection during the exchange. */
    record Abandoned() implements AuthOutcome {}
}
