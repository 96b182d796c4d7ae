package dev.betweenrows.rewrite.parse;

import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses one query with Calcite's Babel parser configured like PostgreSQL's lexer (double-quoted identifiers,
 * unquoted names folded to lower case, case-sensitive). The parser sees the {@link Neutralizer}'s
 * same-length text, so every position it reports is a position in the client's text.
 */
public final class PgSqlParser {

    static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.BABEL);

    /** Babel's keyword table, for the words it reserves that PostgreSQL takes as labels. */
    static final SqlAbstractParserImpl.Metadata METADATA = SqlParser.create("", CONFIG).getMetadata();

    private PgSqlParser() {}

    /** Parses {@code source}; a failure carries PostgreSQL's message shape and the offset in the original text. */
    public static SqlNode parse(SourceText source) throws ParseFailure {
        String input = Neutralizer.neutralize(source, METADATA);
        try {
            return ReusableParser.parse(input);
        } catch (SqlParseException e) {
            String message = String.valueOf(e.getMessage());
            throw syntaxError(source, e.getPos(), message.lines().findFirst().orElse(message));
        } catch (RuntimeException e) {
            // e.g. a literal Calcite rejects while building the tree: not provably understood, so refuse.
            throw new ParseFailure("0A000", "statement not supported", -1, String.valueOf(e.getMessage()));
        }
    }

    private static ParseFailure syntaxError(SourceText source, SqlParserPos pos, String detail) {
        int offset = -1;
        if (pos != null && pos.getEndLineNum() > 0) {
            // Calcite's position spans the tokens it "encountered"; the offending one is the last.
            try {
                offset = source.offset(pos.getEndLineNum(), pos.getEndColumnNum());
            } catch (IllegalArgumentException outside) {
                offset = source.text().length();
            }
        }
        // "Encountered "x <EOF>"": the input ended where more was expected.
        boolean endOfInput = detail != null && detail.contains("<EOF>\" at line");
        Token near = offset < 0 || endOfInput ? null : source.tokenFrom(offset);
        if (near != null && near.start() > offset) near = source.tokenBefore(offset + 1);
        if (near != null && isLast(source, near) && expectsMore(near)) near = null;
        if (near == null) {
            return new ParseFailure("42601", "syntax error at end of input", source.text().length(), detail);
        }
        return new ParseFailure("42601", "syntax error at or near \"" + near.text() + "\"", near.start(), detail);
    }

    private static boolean isLast(SourceText source, Token t) {
        List<Token> sig = source.significant();
        return !sig.isEmpty() && sig.get(sig.size() - 1) == t;
    }

    /** A trailing reserved word, operator or comma: PostgreSQL blames the end of the input. */
    private static boolean expectsMore(Token t) {
        return t.isReservedWord() || t.is(TokenType.OPERATOR) || t.is(TokenType.COMMA) || t.is(TokenType.DOT);
    }
}
