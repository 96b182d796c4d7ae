package dev.betweenrows.wire.message;

import dev.betweenrows.wire.codec.WireInput;
import dev.betweenrows.wire.codec.WireOutput;
import java.util.Objects;

/** 'Z' ReadyForQuery with the true transaction status. */
public record ReadyForQuery(TransactionStatus status) implements BackendMessage {
    public static final byte TYPE = 'Z';
    public static final ReadyForQuery IDLE = new ReadyForQuery(TransactionStatus.IDLE);
    public static final ReadyForQuery IN_TRANSACTION = new ReadyForQuery(TransactionStatus.IN_TRANSACTION);
    public static final ReadyForQuery FAILED = new ReadyForQuery(TransactionStatus.FAILED);

    public ReadyForQuery {
        Objects.requireNonNull(status);
    }

    public static ReadyForQuery of(TransactionStatus status) {
        return switch (status) {
            case IDLE -> IDLE;
            case IN_TRANSACTION -> IN_TRANSACTION;
            case FAILED -> FAILED;
        };
    }

    @Override
    public void encode(WireOutput out) {
        out.begin(TYPE).int8(status.code()).end();
    }

    public static ReadyForQuery decode(WireInput in) {
        return of(TransactionStatus.decode(in.int8()));
    }
}
