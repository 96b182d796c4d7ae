package dev.betweenrows.wire.codec;

import static dev.betweenrows.wire.codec.TestBytes.b;
import static dev.betweenrows.wire.codec.TestBytes.cat;
import static dev.betweenrows.wire.codec.TestBytes.i32;
import static dev.betweenrows.wire.codec.TestBytes.str;
import static dev.betweenrows.wire.codec.TestBytes.stream;
import static dev.betweenrows.wire.codec.TestBytes.thenForbidden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.wire.message.CancelRequest;
import dev.betweenrows.wire.message.GSSENCRequest;
import dev.betweenrows.wire.message.SSLRequest;
import dev.betweenrows.wire.message.StartupMessage;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FrameDecoderTest {
    private static final byte[] SSL = SSLRequest.INSTANCE.toBytes();

    private static void refused(String sqlState, Executable action) {
        ProtocolException e = assertThrows(ProtocolException.class, action);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
    }

    private static void startupRefused(String sqlState, byte[] bytes) {
        FrameDecoder decoder = new FrameDecoder(stream(bytes));
        refused(sqlState, decoder::readStartupPacket);
        assertEquals(FrameDecoder.State.CLOSED, decoder.state());
    }

    private static void frameRefused(String sqlState, byte[] bytes) {
        FrameDecoder decoder = Codecs.messages(bytes);
        refused(sqlState, decoder::readFrame);
        assertEquals(FrameDecoder.State.CLOSED, decoder.state());
    }

    @Test
    void sslThenGssThenStartupWalksTheStates() throws IOException {
        FrameDecoder decoder = new FrameDecoder(stream(GSSENCRequest.INSTANCE.toBytes(), SSL, Codecs.STARTUP,
                b('S', 0, 0, 0, 4)));
        assertInstanceOf(GSSENCRequest.class, decoder.readStartupPacket());
        assertInstanceOf(SSLRequest.class, decoder.readStartupPacket());
        assertEquals(FrameDecoder.State.STARTUP, decoder.state());
        assertInstanceOf(StartupMessage.class, decoder.readStartupPacket());
        assertEquals(FrameDecoder.State.MESSAGES, decoder.state());
        assertEquals(new Frame((byte) 'S', new byte[0]), decoder.readFrame());
        assertNull(decoder.readFrame(), "clean EOF at a boundary");
        assertEquals(FrameDecoder.State.CLOSED, decoder.state());
    }

    @Test
    void cancelRequestEndsTheConnection() throws IOException {
        FrameDecoder decoder = new FrameDecoder(stream(new CancelRequest(1, 2).toBytes()));
        assertEquals(new CancelRequest(1, 2), decoder.readStartupPacket());
        assertEquals(FrameDecoder.State.CLOSED, decoder.state());
    }

    @Test
    void closedBeforeStartupIsNotAnError() throws IOException {
        assertNull(new FrameDecoder(stream()).readStartupPacket());
    }

    @Test
    void malformedStartupPackets() {
        startupRefused("08P01", cat(i32(7), b(0, 3, 0)));                      // length < 8
        startupRefused("08P01", cat(i32(32), i32(196608), str("user")));         // truncated
        startupRefused("08P01", b(0, 0));                                      // truncated length
        startupRefused("08P01", cat(i32(8), i32(80877105)));                   // unknown 1234.5681 code
        startupRefused("08P01", cat(i32(13), i32(0x0002_0000), str("user")));  // protocol 2.0
        startupRefused("08P01", cat(i32(15), i32(196608), str("user"), str("u")));  // no final terminator
        startupRefused("08P01", cat(i32(14), i32(196608), b('u', 's', 'e', 'r', 0, 'u'))); // value w/o NUL
        startupRefused("08P01", cat(i32(17), i32(196608), str("user"), str("u"), b(0), b(0))); // after terminator
        startupRefused("08P01", cat(i32(23), i32(196608), str("user"), str("a"), str("user"), str("b"), b(0)));
        startupRefused("08P01", cat(i32(12), i32(80877103), i32(0)));         // SSLRequest of wrong size
        startupRefused("08P01", cat(i32(20), i32(80877102), i32(1), i32(2), i32(3))); // cancel of wrong size
    }

    @Test
    void eachEncryptionRequestMayComeOnlyOnce() throws IOException {
        FrameDecoder ssl = new FrameDecoder(stream(SSL, SSL));
        ssl.readStartupPacket();
        refused("08P01", ssl::readStartupPacket);
        byte[] gss = GSSENCRequest.INSTANCE.toBytes();
        FrameDecoder gssTwice = new FrameDecoder(stream(gss, SSL, gss));
        gssTwice.readStartupPacket();
        gssTwice.readStartupPacket();
        refused("08P01", gssTwice::readStartupPacket);
    }

    @Test
    void startupPacketOverTenThousandBytesIsRefusedBeforeItsBody() {
        FrameDecoder decoder = new FrameDecoder(thenForbidden(i32(10_001)));
        refused("54000", decoder::readStartupPacket);
    }

    @Test
    void startupPacketOfExactlyTenThousandBytesIsAccepted() throws IOException {
        String filler = "x".repeat(10_000 - 4 - 4 - 5 - 1 - 1);
        byte[] packet = cat(i32(10_000), i32(196608), str("user"), str(filler), b(0));
        assertEquals(10_000, packet.length);
        assertInstanceOf(StartupMessage.class, new FrameDecoder(stream(packet)).readStartupPacket());
    }

    @Test
    void invalidUtf8InStartupParameterIs22021() {
        startupRefused("22021", cat(i32(17), i32(196608), str("user"), b(0xC3, 0x28, 0), b(0)));
    }

    @Test
    void frameLengthBelowFourIs08P01() {
        frameRefused("08P01", cat(b('Q'), i32(3)));
        frameRefused("08P01", cat(b('Q'), i32(-1)));
    }

    @Test
    void unknownTypeIsRefusedBeforeItsLengthIsRead() throws IOException {
        FrameDecoder decoder = new FrameDecoder(thenForbidden(cat(Codecs.STARTUP, b('Z'))));
        decoder.readStartupPacket();
        refused("08P01", decoder::readFrame);
    }

    @Test
    void lengthOneOverTheDefaultCapIsRefusedBeforeTheBody() throws IOException {
        FrameDecoder decoder = new FrameDecoder(thenForbidden(cat(Codecs.STARTUP, b('Q'),
                i32(FrameDecoder.DEFAULT_MAX_MESSAGE_BYTES + 1))));
        decoder.readStartupPacket();
        ProtocolException e = assertThrows(ProtocolException.class, decoder::readFrame);
        assertEquals("54000", e.sqlState());
        assertEquals(FrameDecoder.State.CLOSED, decoder.state());
    }

    @Test
    void configuredCapIsInclusive() throws IOException {
        int cap = 100_000;
        byte[] atCap = cat(b('Q'), i32(cap), new byte[cap - 5], b(0));
        FrameDecoder ok = new FrameDecoder(stream(Codecs.STARTUP, atCap), cap);
        ok.readStartupPacket();
        assertEquals(cap - 4, ok.readFrame().payload().length);

        FrameDecoder over = new FrameDecoder(thenForbidden(cat(Codecs.STARTUP, b('Q'), i32(cap + 1))), cap);
        over.readStartupPacket();
        refused("54000", over::readFrame);
    }

    @Test
    void smallMessageTypesHaveTheSmallLimit() {
        frameRefused("54000", cat(b('S'), i32(FrameDecoder.SMALL_MESSAGE_LIMIT + 1)));
        frameRefused("54000", cat(b('p'), i32(FrameDecoder.AUTH_MESSAGE_LIMIT + 1)));
    }

    @Test
    void truncatedFramesAre08P01() {
        frameRefused("08P01", b('Q', 0, 0));                            // inside the length
        frameRefused("08P01", cat(b('Q'), i32(13), str("SEL")));          // inside the body
        frameRefused("08P01", cat(b('Q'), i32(50 << 20), new byte[100_000])); // big claim, little data
    }

    @Test
    void bytesReadAheadBeforeTlsAreRefused() throws IOException {
        FrameDecoder decoder = new FrameDecoder(stream(SSL, b(0x16, 3, 1)));
        decoder.readStartupPacket();
        refused("08P01", () -> decoder.startTls(stream()));
        assertEquals(FrameDecoder.State.CLOSED, decoder.state());
    }

    @Test
    void afterTlsTheDecoderReadsTheNewStream() throws IOException {
        FrameDecoder decoder = new FrameDecoder(stream(SSL));
        decoder.readStartupPacket();
        InputStream tls = stream(Codecs.STARTUP, b('X', 0, 0, 0, 4));
        decoder.startTls(tls);
        assertInstanceOf(StartupMessage.class, decoder.readStartupPacket());
        assertArrayEquals(new byte[0], decoder.readFrame().payload());
    }

    @Test
    void readingInTheWrongStateIsAProgrammingError() {
        FrameDecoder decoder = new FrameDecoder(stream(Codecs.STARTUP));
        assertThrows(IllegalStateException.class, decoder::readFrame);
        assertThrows(IllegalStateException.class, () -> decoder.startTls(stream()));
    }
}
