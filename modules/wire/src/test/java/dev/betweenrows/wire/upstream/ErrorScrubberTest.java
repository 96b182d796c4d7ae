package dev.betweenrows.wire.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorScrubberTest {
    static Map<Character, String> upstream(String state, String message) {
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', "ERROR");
        f.put('V', "ERROR");
        f.put('C', state);
        f.put('M', message);
        f.put('D', "Key (secret)=(42) already exists.");
        f.put('H', "hint naming hidden_table");
        f.put('P', "118");
        f.put('q', "SELECT hidden FROM x");
        f.put('W', "SQL function \"f\"");
        f.put('s', "internal");
        f.put('t', "hidden_table");
        f.put('c', "hidden_col");
        f.put('F', "int.c");
        f.put('L', "821");
        f.put('R', "int4div");
        return f;
    }

    @Test
    void keepsOnlySeverityCodeAndASafeMessage() {
        Map<Character, String> out = ErrorScrubber.scrub(upstream("22012", "division by zero"), "SELECT 1/0");
        assertEquals(Map.of('S', "ERROR", 'V', "ERROR", 'C', "22012", 'M', "division by zero"), out);
    }

    @Test
    void replacesMessagesThatQuoteNamesOrTheRewrittenText() {
        assertEquals("syntax error or access rule violation", ErrorScrubber.scrub(
                upstream("42703", "column \"hidden_col\" does not exist"), "x").get('M'));
        String rewritten = "SELECT * FROM (SELECT id FROM public.orders WHERE tenant = 7) AS o";
        assertEquals("invalid data", ErrorScrubber.scrub(upstream("22P02",
                "bad input near (SELECT id FROM public.orders WHERE tenant"), rewritten).get('M'));
        assertEquals("error in the data source", ErrorScrubber.scrub(upstream("XX000", ""), null).get('M'));
    }
}
