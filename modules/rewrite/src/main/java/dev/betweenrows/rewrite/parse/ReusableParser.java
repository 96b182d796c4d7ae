package dev.betweenrows.rewrite.parse;

import java.io.StringReader;
import java.util.ArrayDeque;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;

/**
 * Calcite's Babel parser, kept for the next statement: constructing one allocates ~100 kB of tables and buffers,
 * as much as the parse itself. Before each statement everything a parse reads is reset: the generated parser's
 * own state ({@code ReInit}), the lexical state ({@code ReInit} falls back to the default one), the dynamic
 * parameter counter and the warnings. The parser's private nesting counter is only balanced after a parse that
 * succeeded, so an instance goes back to the pool only then. An idle pooled parser still holds the characters
 * and a few tokens of the last statement it read (JavaCC's {@code ReInit} neither clears its char buffer nor its
 * lookahead positions), as the rewrite cache holds recent statements' texts; no parse reads them.
 * The pool is a stack: in light use the same parser, warm in the CPU's caches, serves every statement.
 */
final class ReusableParser extends SqlBabelParserImpl {
    private static final int POOL_SIZE = 16;
    private static final ArrayDeque<ReusableParser> POOL = new ArrayDeque<>(POOL_SIZE);   // guarded by itself
    /** A parser that read more keeps buffers of that size: it is left to the garbage collector. */
    private static final int MAX_POOLED_INPUT = 64 * 1024;

    /** The one configuration every pooled parser has: PostgreSQL's lexing ({@link PgSqlParser#CONFIG}). */
    private static final SqlParser.Config CONFIG = PgSqlParser.CONFIG;

    private final LexicalState lexicalState = LexicalState.forConfig(CONFIG);

    private ReusableParser() {
        super(new StringReader(""));
        setTabSize(1);
        setQuotedCasing(CONFIG.quotedCasing());
        setUnquotedCasing(CONFIG.unquotedCasing());
        setIdentifierMaxLength(CONFIG.identifierMaxLength());
        setTimeUnitCodes(CONFIG.timeUnitCodes());
        setConformance(CONFIG.conformance());
    }

    /** Parses one statement as {@code SqlParser.create(input, PgSqlParser.CONFIG).parseQuery()} does. */
    static SqlNode parse(String input) throws SqlParseException {
        ReusableParser parser;
        synchronized (POOL) {
            parser = POOL.pollFirst();
        }
        if (parser == null) parser = new ReusableParser();
        SqlNode root = parser.parseStatement(input);
        if (input.length() <= MAX_POOLED_INPUT) {   // not reached when the parse failed
            parser.setOriginalSql(null);
            synchronized (POOL) {
                if (POOL.size() < POOL_SIZE) POOL.offerFirst(parser);
            }
        }
        return root;
    }

    private SqlNode parseStatement(String input) throws SqlParseException {
        ReInit(new StringReader(input));
        switchTo(lexicalState);
        nDynamicParams = 0;
        warnings.clear();
        setOriginalSql(input);
        try {
            return parseSqlStmtEof();
        } catch (Throwable e) {
            throw normalizeException(e);
        }
    }
}
