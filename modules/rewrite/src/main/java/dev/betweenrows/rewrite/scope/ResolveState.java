package dev.betweenrows.rewrite.scope;

import dev.betweenrows.rewrite.parse.SourceText;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** What one resolution run reads (text, catalog) and collects (references, lookups, edits). */
final class ResolveState {
    final SourceText source;
    final CatalogResolver catalog;
    final List<TableReference> tables = new ArrayList<>();
    final List<PointLookup> lookups = new ArrayList<>();
    final List<TextEdit> requalifications = new ArrayList<>();

    ResolveState(SourceText source, CatalogResolver catalog) {
        this.source = source;
        this.catalog = catalog;
    }

    int start(SqlNode node) {
        return start(node.getParserPosition());
    }

    int start(SqlParserPos pos) {
        return pos.getLineNum() <= 0 ? -1 : source.start(pos);
    }

    int end(SqlParserPos pos) {
        return source.end(pos);
    }

    /** Position of component {@code i} of a compound identifier. */
    SqlParserPos component(SqlIdentifier id, int i) {
        SqlParserPos pos = id.names.size() > 1 ? id.getComponentParserPosition(i) : id.getParserPosition();
        return pos == null ? id.getParserPosition() : pos;
    }

    /** Whether the identifier's component {@code i} was written in double quotes. */
    boolean quoted(SqlIdentifier id, int i) {
        int at = start(component(id, i));
        return at >= 0 && at < source.text().length() && source.text().charAt(at) == '"';
    }

    Resolution result() {
        return new Resolution(tables, lookups, requalifications);
    }
}
