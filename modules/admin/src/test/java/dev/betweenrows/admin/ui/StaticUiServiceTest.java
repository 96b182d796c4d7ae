package dev.betweenrows.admin.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UI's files as the real admin server serves them, without a browser. */
class StaticUiServiceTest {
    private static UiServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = new UiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void indexAndAssetsAreServedWithTheirTypesAndTheStrictPolicy() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertEquals("default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                index.headers().firstValue("content-security-policy").orElseThrow());
        assertTrue(index.body().contains("/assets/app.js"));
        HttpResponse<String> js = get("/assets/app.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
        assertTrue(get("/assets/pages/login.js").body().contains("export async function render"));
        assertTrue(get("/assets/app.css").headers().firstValue("content-type").orElse("").startsWith("text/css"));
    }

    @Test
    void onlyPlainNamesOfKnownTypesUnderWebAreServed() throws Exception {
        assertEquals(404, get("/assets/nope.js").statusCode());
        assertEquals(404, get("/assets/../../dev/betweenrows/admin/openapi/openapi.yaml").statusCode());
        assertEquals(404, get("/assets/%2e%2e/index.html").statusCode());
        assertEquals(404, get("/assets/.hidden.js").statusCode());
        assertEquals(404, get("/assets/pages").statusCode());
        assertEquals(404, get("/assets/app.java").statusCode());
        assertTrue(StaticUiService.read("../web/index.html").isEmpty());
        assertTrue(StaticUiService.read("index.html").isPresent());
        assertEquals(401, get("/api/v1/users").statusCode(), "the UI route does not open the API");
    }

    /** CSP default-src 'self' forbids inline code: the files must not rely on it, and must not touch web storage. */
    @Test
    void noInlineCodeNoHtmlStringsNoWebStorage() throws IOException {
        Path web = Path.of("src/main/resources/web");
        String html = Files.readString(web.resolve("index.html"));
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "no inline <script>");
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline handlers");
        assertFalse(html.contains("style="), "no inline styles");
        try (Stream<Path> files = Files.walk(web)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String js = Files.readString(f);
                for (String banned : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "localStorage",
                        "sessionStorage", "eval(", "new Function", "setAttribute('style'", "cssText"}) {
                    assertFalse(js.contains(banned), f + " uses " + banned);
                }
                Matcher imports = Pattern.compile("from '(\\.[^']+)'").matcher(js);
                while (imports.find()) {
                    assertTrue(Files.exists(f.getParent().resolve(imports.group(1)).normalize()), f + " imports a missing " + imports.group(1));
                }
            }
        }
    }
}
