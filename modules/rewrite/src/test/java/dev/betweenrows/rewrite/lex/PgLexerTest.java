package dev.betweenrows.rewrite.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PgLexerTest {

    private static List<Token> sig(String sql) {
        return PgLexer.significant(sql);
    }

    private static String types(String sql) {
        return sig(sql).stream().map(t -> t.type().name()).collect(Collectors.joining(" "));
    }

    private static String texts(String sql) {
        return sig(sql).stream().map(Token::text).collect(Collectors.joining("|"));
    }

    private static Token only(String sql) {
        List<Token> tokens = sig(sql);
        assertEquals(1, tokens.size(), () -> "tokens of " + sql + ": " + tokens);
        return tokens.get(0);
    }

    @Test
    void tokensCoverTheTextExactlyWithOffsets() {
        String sql = "SELECT /* c */ a.\"B\"::int, $1 -- tail\n FROM t WHERE x->>'k' @> '{}';";
        List<Token> all = PgLexer.tokenize(sql);
        StringBuilder rebuilt = new StringBuilder();
        int expectedStart = 0;
        for (Token t : all) {
            assertEquals(expectedStart, t.start());
            assertEquals(sql.substring(t.start(), t.end()), t.text());
            rebuilt.append(t.text());
            expectedStart = t.end();
        }
        assertEquals(sql, rebuilt.toString());
    }

    @Test
    void whitespaceAndCommentsAreTrivia() {
        List<Token> all = PgLexer.tokenize(" \t\n-- line\r/* block */x");
        assertEquals(List.of(TokenType.WHITESPACE, TokenType.LINE_COMMENT, TokenType.WHITESPACE,
                TokenType.BLOCK_COMMENT, TokenType.IDENTIFIER), all.stream().map(Token::type).toList());
        assertEquals("-- line", all.get(1).text());
    }

    @Test
    void nestedBlockCommentsCloseOnlyAtTheirOwnDepth() {
        List<Token> all = PgLexer.tokenize("/* a /* b */ still comment */SELECT");
        assertEquals(TokenType.BLOCK_COMMENT, all.get(0).type());
        assertEquals("/* a /* b */ still comment */", all.get(0).text());
        assertTrue(all.get(1).isWord("select"));
        assertEquals("x", texts("/*/ not closed by slash */x"));
        assertEquals("x", texts("/**/x"));
        assertEquals("x", texts("/* ** */x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/* open", "/* a /* b */", "SELECT 1 /*/"})
    void unterminatedCommentFailsAtItsStart(String sql) {
        LexException e = assertThrows(LexException.class, () -> PgLexer.tokenize(sql));
        assertEquals("unterminated /* comment", e.getMessage());
        assertEquals("42601", e.sqlState());
        assertEquals(sql.indexOf("/*"), e.offset());
    }

    @Test
    void identifiersFoldToLowerCaseAndKeepKeywordFlag() {
        Token t = only("SeLeCt");
        assertEquals(TokenType.IDENTIFIER, t.type());
        assertEquals("select", t.value());
        assertTrue(t.keyword());
        Token name = only("Customers_1$x");
        assertEquals("customers_1$x", name.value());
        assertFalse(name.keyword());
        assertEquals("été", only("été").value(), "non-ASCII letters are identifier characters, not folded");
        assertEquals("ÉtÉ", only("ÉTÉ").value(), "only ASCII letters fold");
    }

    @Test
    void quotedIdentifiersKeepCaseAndUndoubleQuotes() {
        Token t = only("\"My \"\"Table\"\"\"");
        assertEquals(TokenType.QUOTED_IDENTIFIER, t.type());
        assertEquals("My \"Table\"", t.value());
        assertFalse(t.keyword());
        assertFalse(only("\"select\"").isWord("select"), "a quoted keyword is a plain name");
        LexException empty = assertThrows(LexException.class, () -> PgLexer.tokenize("SELECT \"\""));
        assertEquals("zero-length delimited identifier", empty.getMessage());
        assertThrows(LexException.class, () -> PgLexer.tokenize("SELECT \"open"));
    }

    @Test
    void longNamesAreTruncatedTo63Bytes() {
        String longName = "a".repeat(70);
        assertEquals("a".repeat(63), only(longName).value());
        assertEquals("a".repeat(63), only("\"" + longName + "\"").value());
        String multiByte = "é".repeat(40); // 80 bytes: cut on a character boundary at 62 bytes
        assertEquals("é".repeat(31), only(multiByte).value());
    }

    @Test
    void unicodeIdentifiersDecodeEscapesAndUescape() {
        Token t = only("U&\"d\\0061t\\+000061\"");
        assertEquals(TokenType.QUOTED_IDENTIFIER, t.type());
        assertEquals("data", t.value());
        Token custom = only("u&\"d!0061ta\" UESCAPE '!'");
        assertEquals("data", custom.value());
        assertEquals("u&\"d!0061ta\" UESCAPE '!'", custom.text());
        assertEquals("pg_authid", only("U&\"pg\\005fauthid\"").value());
        assertEquals("\\", only("U&\"\\\\\"").value());
    }

    @Test
    void stringsWithDoubledQuotes() {
        Token t = only("'it''s'");
        assertEquals(TokenType.STRING, t.type());
        assertEquals("it's", t.value());
        assertEquals("a\\nb", only("'a\\nb'").value(), "standard strings keep backslashes");
        Token national = only("N'x'");
        assertEquals(TokenType.STRING, national.type());
        assertEquals("x", national.value());
    }

    @Test
    void escapeStringsDecodeBackslashes() {
        Token quote = only("E'\\''");
        assertEquals(TokenType.ESCAPE_STRING, quote.type());
        assertEquals("'", quote.value());
        assertEquals("a\nb\tc\\d'e", only("e'a\\nb\\tc\\\\d''e'").value());
        assertEquals("A", only("E'\\101'").value());
        assertEquals("A", only("E'\\x41'").value());
        assertEquals("é", only("E'\\u00e9'").value());
        assertEquals("é", only("E'\\xc3\\xa9'").value(), "hex bytes form UTF-8 together");
        assertEquals("😀", only("E'\\U0001F600'").value());
        assertEquals("😀", only("E'\\uD83D\\uDE00'").value());
        assertEquals("v", only("E'\\v'").value(), "unknown escapes keep the character");
        assertEquals("'; DROP", only("E'\\'; DROP'").value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "E'\\u12'|22025",
        "E'\\uD83D'|42601",
        "E'\\xff'|22021",
        "E'\\0'|22021",
        "E'abc\\'|42601",
        "'abc|42601",
        "B'01|42601",
        "X'0f|42601",
        "U&'\\00'|22025"})
    void malformedStringsFail(String sql, String sqlState) {
        LexException e = assertThrows(LexException.class, () -> PgLexer.tokenize(sql));
        assertEquals(sqlState, e.sqlState(), e.getMessage());
    }

    @Test
    void unicodeStrings() {
        Token t = only("U&'\\0041'");
        assertEquals(TokenType.UNICODE_STRING, t.type());
        assertEquals("A", t.value());
        assertEquals("A'B", only("U&'#0041''B' UESCAPE '#'").value());
        LexException bad = assertThrows(LexException.class, () -> PgLexer.tokenize("U&'x' UESCAPE 'a'"));
        assertEquals("invalid Unicode escape character", bad.getMessage());
        assertThrows(LexException.class, () -> PgLexer.tokenize("U&'x' UESCAPE x"));
        assertEquals("IDENTIFIER OPERATOR STRING", types("U &'x'"), "U& must touch its quote");
    }

    @Test
    void bitAndHexStrings() {
        Token b = only("B'0101'");
        assertEquals(TokenType.BIT_STRING, b.type());
        assertEquals("0101", b.value());
        Token x = only("x'1F'");
        assertEquals(TokenType.HEX_STRING, x.type());
        assertEquals("1F", x.value());
        assertEquals("BIT_STRING STRING", types("B'10''01'"), "no quote doubling in bit strings");
    }

    @Test
    void prefixLettersInsideAWordAreNotStringPrefixes() {
        assertEquals("IDENTIFIER STRING", types("tie'x'"));
        assertEquals("tie|'x'", texts("tie'x'"));
    }

    @Test
    void adjacentStringsSeparatedByANewlineAreOneLiteral() {
        Token t = only("'foo'\n  'bar'");
        assertEquals("foobar", t.value());
        assertEquals("ab", only("'a' -- note\n -- more\n'b'").value());
        assertEquals("a\nb", only("E'a'\n'\\nb'").value(), "the continuation keeps E'' escapes");
        assertEquals("STRING STRING", types("'a' 'b'"), "without a newline it is two literals (a syntax error)");
        assertEquals("STRING STRING", types("'a' /* c */\n'b'"), "block comments break continuation");
    }

    @Test
    void dollarQuotes() {
        Token t = only("$$it's $1 -- not a comment$$");
        assertEquals(TokenType.DOLLAR_STRING, t.type());
        assertEquals("it's $1 -- not a comment", t.value());
        assertEquals("x $a$ y", only("$tag$x $a$ y$tag$").value());
        assertEquals("a$b", only("$_1$a$b$_1$").value());
        assertEquals("$x", only("$q$$x$q$").value());
        LexException e = assertThrows(LexException.class, () -> PgLexer.tokenize("SELECT $a$ open"));
        assertEquals("unterminated dollar-quoted string", e.getMessage());
        assertEquals(7, e.offset());
    }

    @Test
    void dollarFollowedByDigitIsAParameter() {
        Token p = only("$1");
        assertEquals(TokenType.PARAMETER, p.type());
        assertEquals("1", p.value());
        assertEquals("PARAMETER OPERATOR PARAMETER", types("$12+$3"));
        assertEquals("IDENTIFIER", types("a$1$"), "dollar signs continue an identifier");
        assertEquals("OTHER IDENTIFIER", types("$a"), "a lone dollar is passed through for the parser to reject");
        LexException junk = assertThrows(LexException.class, () -> PgLexer.tokenize("SELECT $1abc"));
        assertEquals("trailing junk after parameter", junk.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "42|INTEGER", "1_000|INTEGER", "0x1F|INTEGER", "0o17|INTEGER", "0b101|INTEGER",
        "1.5|NUMERIC", "1.|NUMERIC", ".5|NUMERIC", "1e10|NUMERIC", "1.e5|NUMERIC", "2.5E-3|NUMERIC"})
    void numbers(String sql, TokenType type) {
        Token t = only(sql);
        assertEquals(type, t.type());
        assertEquals(sql, t.text());
    }

    @Test
    void numberEdgeCases() {
        assertEquals("1|..|2", texts("1..2"));
        assertEquals("INTEGER DOT IDENTIFIER", types("1 .x"));
        for (String junk : List.of("123abc", "1.5x", "1e", "1e+", "0x", "1_")) {
            assertThrows(LexException.class, () -> PgLexer.tokenize(junk), junk);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
        "a->>'k'¦a ->> 'k'",
        "a@>b¦a @> b",
        "a!~*b¦a !~* b",
        "a<>b¦a <> b",
        "a<=b¦a <= b",
        "a=-1¦a = - 1",
        "a*-1¦a * - 1",
        "a@-1¦a @- 1",
        "a?-b¦a ?- b",
        "a||b¦a || b",
        "a#-'{x}'¦a #- '{x}'",
        "a+/*c*/b¦a + b",
        "x:=1¦x := 1",
        "f(a=>1)¦f ( a => 1 )"})
    void operatorsFollowPostgresRules(String sql, String expected) {
        assertEquals(expected, sig(sql).stream().map(Token::text).collect(Collectors.joining(" ")));
    }

    @Test
    void operatorStopsAtALineComment() {
        assertEquals(List.of("a", "*", "b"), sig("a*--c\nb").stream().map(Token::text).toList());
        assertEquals("<>", only("!=").value(), "!= reads as <>");
        assertThrows(LexException.class, () -> PgLexer.tokenize("a " + "<".repeat(64) + " b"));
    }

    @Test
    void punctuationAndCasts() {
        assertEquals("IDENTIFIER TYPECAST IDENTIFIER", types("x::int"));
        assertEquals("IDENTIFIER LEFT_BRACKET INTEGER COLON INTEGER RIGHT_BRACKET", types("a[1:2]"));
        assertEquals("LEFT_PAREN RIGHT_PAREN COMMA SEMICOLON DOT", types("(),;."));
        assertEquals("OTHER", types("\\"));
    }

    @Test
    void positionIsReportedInCharacters() {
        String sql = "SELECT 'é😀', 'open";
        LexException e = assertThrows(LexException.class, () -> PgLexer.tokenize(sql));
        assertEquals(sql.lastIndexOf('\''), e.offset());
        assertEquals(14, e.pgPosition(sql), "code points, 1-based: the emoji counts once");
    }
}
