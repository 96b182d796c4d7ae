package dev.betweenrows.wire.session;

import dev.betweenrows.policy.GuardDecision.AnswerLocally;
import dev.betweenrows.policy.GuardDecision.LocalColumn;
import dev.betweenrows.policy.GuardDecision.Refuse;
import dev.betweenrows.wire.message.BackendMessage;
import dev.betweenrows.wire.message.CommandComplete;
import dev.betweenrows.wire.message.DataRow;
import dev.betweenrows.wire.message.NoData;
import dev.betweenrows.wire.message.ParameterDescription;
import dev.betweenrows.wire.message.PortalSuspended;
import dev.betweenrows.wire.message.RowDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extended-protocol statements the guard answers in-process (emulated catalog queries, {@code SELECT version()}):
 * they never reach upstream. Parse keeps the answer's shape (computed by the guard without parameter values); Bind
 * asks the guard again with the bound values and keeps the encoded rows in the portal; Execute sends them.
 */
final class LocalStatements {
    /** A locally answered prepared statement: the shape of its answer, its declared parameter types. */
    record Statement(String sql, List<Integer> parameterTypes, List<LocalColumn> columns) {}

    /** A bound local statement: its rows, already encoded in the requested formats; {@code next} row to send. */
    static final class Portal {
        final Statement statement;
        final List<Integer> formats;
        final List<DataRow> rows;
        final String commandTag;
        final String parameters;
        final long guardNanos;
        private int next;

        Portal(Statement statement, List<Integer> formats, List<DataRow> rows, String commandTag, String parameters,
               long guardNanos) {
            this.statement = statement;
            this.formats = formats;
            this.rows = rows;
            this.commandTag = commandTag;
            this.parameters = parameters;
            this.guardNanos = guardNanos;
        }
    }

    /** Exactly one of a portal and a refusal. */
    record Bound(Portal portal, Refuse refusal) {
        static Bound refused(Refuse r) {
            return new Bound(null, r);
        }
    }

    final Map<String, Statement> statements = new HashMap<>();
    final Map<String, Portal> portals = new HashMap<>();

    /** ParameterDescription (unspecified types described as text, as the guard treats them) and the row shape. */
    static List<BackendMessage> describe(Statement s) {
        List<Integer> types = s.parameterTypes().stream().map(t -> t == 0 ? 25 : t).toList();
        return List.of(new ParameterDescription(types), rowDescription(s.columns(), null));
    }

    static BackendMessage describe(Portal p) {
        return rowDescription(p.statement.columns(), p.formats);
    }

    private static BackendMessage rowDescription(List<LocalColumn> columns, List<Integer> formats) {
        if (columns.isEmpty()) return NoData.INSTANCE;
        List<RowDescription.Field> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            LocalColumn c = columns.get(i);
            fields.add(new RowDescription.Field(c.name(), 0, 0, c.typeOid(), TypeSizes.of(c.typeOid()), -1,
                    formats == null ? 0 : formats.get(i)));
        }
        return new RowDescription(fields);
    }

    /**
     * The portal for the guard's answer at Bind, or a refusal: the answer must have the shape described at Parse,
     * and every value must be encodable in the requested format.
     */
    static Bound bind(Statement s, AnswerLocally answer, List<Integer> resultCodes, String parameters,
                       long guardNanos) {
        if (!answer.columns().equals(s.columns())) {
            return Bound.refused(new Refuse("0A000", "this statement is not supported by the proxy in the extended protocol",
                    "local answer changed shape between Parse and Bind"));
        }
        try {
            List<Integer> formats = LocalValues.resultFormats(resultCodes, s.columns());
            List<DataRow> rows = new ArrayList<>(answer.rows().size());
            for (List<String> row : answer.rows()) {
                List<byte[]> values = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    values.add(LocalValues.encode(row.get(i), s.columns().get(i).typeOid(), formats.get(i)));
                }
                rows.add(new DataRow(values));
            }
            return new Bound(new Portal(s, formats, rows, answer.commandTag(), parameters, guardNanos), null);
        } catch (LocalValues.Unsupported e) {
            return Bound.refused(new Refuse(e.sqlState, e.getMessage(), "local answer: " + e.getMessage()));
        } catch (RuntimeException e) { // a value that does not read as its column's type
            return Bound.refused(new Refuse("0A000", "binary result format is not supported by the proxy here",
                    "local answer: cannot encode " + e.getMessage()));
        }
    }

    /** Execute: up to {@code maxRows} (0 = all) of the remaining rows, then CommandComplete or PortalSuspended. */
    static List<BackendMessage> execute(Portal p, int maxRows) {
        List<BackendMessage> out = new ArrayList<>();
        int start = p.next;
        int end = maxRows > 0 ? Math.min(p.rows.size(), start + maxRows) : p.rows.size();
        out.addAll(p.rows.subList(start, end));
        p.next = end;
        boolean suspended = maxRows > 0 && end < p.rows.size();
        // like PostgreSQL, a resumed portal's tag counts the rows of this Execute
        String tag = p.commandTag.startsWith("SELECT ") ? "SELECT " + (end - start) : p.commandTag;
        out.add(suspended ? PortalSuspended.INSTANCE : new CommandComplete(tag));
        return out;
    }
}
