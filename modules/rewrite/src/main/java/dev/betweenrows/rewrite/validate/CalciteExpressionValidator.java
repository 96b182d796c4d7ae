package dev.betweenrows.rewrite.validate;

import dev.betweenrows.policy.ExpressionValidator;
import dev.betweenrows.rewrite.lex.LexException;
import dev.betweenrows.rewrite.lex.PgLexer;
import dev.betweenrows.rewrite.lex.Token;
import dev.betweenrows.rewrite.lex.TokenType;
import dev.betweenrows.rewrite.parse.ParseFailure;
import dev.betweenrows.rewrite.parse.PgSqlParser;
import dev.betweenrows.rewrite.parse.SourceText;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Checks a bound policy expression with the guard's own PostgreSQL lexer and Babel parser: the expression is
 * placed where the rewrite puts it (a WHERE condition or a select-list value of a one-table query) and the
 * result must parse back to exactly that query, so text such as {@code 1) UNION SELECT (2} or a trailing
 * {@code ;} cannot pass as an "expression".
 */
public final class CalciteExpressionValidator implements ExpressionValidator {
    private static final String TABLE = "br_validate_t";
    private static final String PREFIX_FILTER = "SELECT 1 FROM " + TABLE + " WHERE (\n";
    private static final String PREFIX_MASK = "SELECT (\n";
    private static final String SUFFIX_FILTER = "\n)";
    private static final String SUFFIX_MASK = "\n) AS br_value FROM " + TABLE;

    @Override
    public Optional<String> problem(String expression, boolean isMask) {
        if (expression == null || expression.isBlank()) return Optional.of("expression is empty");
        Optional<String> lexical = lexicalProblem(expression);
        if (lexical.isPresent()) return lexical;
        String sql = isMask ? PREFIX_MASK + expression + SUFFIX_MASK : PREFIX_FILTER + expression + SUFFIX_FILTER;
        SqlNode node;
        try {
            node = PgSqlParser.parse(new SourceText(sql));
        } catch (ParseFailure e) {
            return Optional.of(e.getMessage());
        } catch (LexException e) {
            return Optional.of(e.getMessage());
        }
        if (!(node instanceof SqlSelect select) || !(select.getFrom() instanceof SqlIdentifier from)
                || !from.isSimple() || !from.getSimple().equals(TABLE) || select.getSelectList().size() != 1
                || (isMask ? select.getWhere() != null : select.getWhere() == null)
                || select.getGroup() != null || select.getHaving() != null || select.getOrderList() != null
                || select.getFetch() != null || select.getOffset() != null) {
            return Optional.of("expression must be a single SQL " + (isMask ? "value" : "condition"));
        }
        return Optional.empty();
    }

    /** Balanced parentheses and no statement separator: the expression cannot close the context it is put in. */
    private static Optional<String> lexicalProblem(String expression) {
        List<Token> tokens;
        try {
            tokens = PgLexer.tokenize(expression);
        } catch (LexException e) {
            return Optional.of(e.getMessage());
        }
        int depth = 0;
        for (Token t : tokens) {
            if (t.is(TokenType.SEMICOLON)) return Optional.of("expression must not contain ';'");
            if (t.is(TokenType.LEFT_PAREN)) depth++;
            if (t.is(TokenType.RIGHT_PAREN) && --depth < 0) return Optional.of("unbalanced ')' in expression");
        }
        return depth == 0 ? Optional.empty() : Optional.of("unbalanced '(' in expression");
    }
}
