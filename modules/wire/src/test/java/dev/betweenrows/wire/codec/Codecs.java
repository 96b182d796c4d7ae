package dev.betweenrows.wire.codec;

import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.FrontendMessage;
import dev.betweenrows.wire.message.StartupMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Decodes bytes the way the server does: through the real framing and dispatch. */
public final class Codecs {
    public static final byte[] STARTUP = StartupMessage.v3(Map.of("user", "u")).toBytes();

    private Codecs() {}

    /** A decoder already past its startup packet, reading {@code bytes}. */
    public static FrameDecoder messages(byte[] bytes) {
        try {
            FrameDecoder decoder = new FrameDecoder(new ByteArrayInputStream(TestBytes.cat(STARTUP, bytes)));
            decoder.readStartupPacket();
            return decoder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FrontendMessage frontend(byte[] bytes, AuthPhase phase) {
        try {
            FrameDecoder decoder = messages(bytes);
            FrontendMessage m = FrontendMessages.decode(decoder.readFrame(), phase);
            if (decoder.readFrame() != null) {
                throw new AssertionError("more than one message");
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BackendMessage backend(byte[] bytes) {
        try {
            BackendFrameReader reader = new BackendFrameReader(new ByteArrayInputStream(bytes));
            RawMessage raw = reader.read();
            if (reader.read() != null) {
                throw new AssertionError("more than one message");
            }
            return BackendMessages.decode(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
