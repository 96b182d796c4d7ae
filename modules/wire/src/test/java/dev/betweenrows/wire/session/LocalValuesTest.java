package dev.betweenrows.wire.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardDecision.LocalColumn;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.PortalSuspended;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalValuesTest {
    private static final List<LocalColumn> COLUMNS = List.of(new LocalColumn("oid", 26), new LocalColumn("relname", 19),
            new LocalColumn("acl", 1034));

    @Test
    void binaryParametersAreDecodedByTheirDeclaredTypes() throws Exception {
        List<String> values = LocalValues.parameters(List.of(1, 0, 1, 1),
                Arrays.asList(new byte[] {0, 0, 0, 42}, "x".getBytes(StandardCharsets.UTF_8), null,
                        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}),
                List.of(23, 25, 20, 26));
        assertEquals(Arrays.asList("42", "x", null, "4294967295"), values);
        assertThrows(LocalValues.Unsupported.class,
                () -> LocalValues.parameters(List.of(1), List.of(new byte[] {1, 2, 3}), List.of(1700)));
        assertThrows(LocalValues.Unsupported.class,
                () -> LocalValues.parameters(List.of(1), List.of(new byte[] {1, 2}), List.of(23))); // wrong length
    }

    @Test
    void binaryResultsOnlyWhereTheTypeCanBeEncoded() throws Exception {
        assertEquals(List.of(1, 1, 0), LocalValues.resultFormats(List.of(1, 1, 0), COLUMNS));
        assertEquals(List.of(0, 0, 0), LocalValues.resultFormats(List.of(), COLUMNS));
        assertThrows(LocalValues.Unsupported.class, () -> LocalValues.resultFormats(List.of(1), COLUMNS));
        assertThrows(LocalValues.Unsupported.class, () -> LocalValues.resultFormats(List.of(0, 1), COLUMNS));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe},
                LocalValues.encode("4294967294", 26, 1));
        assertArrayEquals("t1".getBytes(StandardCharsets.UTF_8), LocalValues.encode("t1", 19, 1));
        assertNull(LocalValues.encode(null, 23, 1));
    }

    @Test
    void portalRowsAreSentInChunksAndRefusedWhenTheShapeChanges() {
        LocalStatements.Statement s = new LocalStatements.Statement("q", List.of(), COLUMNS.subList(0, 2));
        AnswerLocally answer = new AnswerLocally(COLUMNS.subList(0, 2),
                List.of(List.of("1", "a"), List.of("2", "b"), List.of("3", "c")), "SELECT 3");
        LocalStatements.Bound bound = LocalStatements.bind(s, answer, List.of(1, 0), null, 0);
        assertNotNull(bound.portal());
        List<BackendMessage> first = LocalStatements.execute(bound.portal(), 2);
        assertEquals(3, first.size());
        assertArrayEquals(new byte[] {0, 0, 0, 1}, ((DataRow) first.get(0)).values().get(0));
        assertEquals(PortalSuspended.INSTANCE, first.get(2));
        List<BackendMessage> rest = LocalStatements.execute(bound.portal(), 2);
        assertEquals(List.of(new DataRow(List.of(new byte[] {0, 0, 0, 3}, "c".getBytes(StandardCharsets.UTF_8))),
                new CommandComplete("SELECT 1")), rest);

        AnswerLocally other = new AnswerLocally(COLUMNS, List.of(), "SELECT 0");
        assertEquals("0A000", LocalStatements.bind(s, other, List.of(), null, 0).refusal().sqlState());
    }
}
