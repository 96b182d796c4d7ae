package dev.betweenrows.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module graph as linked into the runtime image: wire and admin see only the policy and store
 * APIs (plus Helidon/JDK and SCRAM), never Calcite, Derby or Flyway, not even through
 * {@code requires transitive}; implementation modules export nothing.
 */
class ModuleBoundaryTest {
    private static final Pattern FORBIDDEN = Pattern.compile("calcite|derby|flyway|janino|avatica|dev\\.betweenrows\\.(rewrite|audit|server)");
    private final Map<String, Descriptor> cache = new HashMap<>();

    record Descriptor(List<String> requires, List<String> transitive, List<String> exports) {}

    private Descriptor describe(String module) {
        return cache.computeIfAbsent(module, m -> {
            try {
                Process p = new ProcessBuilder(RunningImage.image().resolve("bin/java").toString(), "--describe-module", m)
                        .redirectErrorStream(true).start();
                List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
                p.waitFor();
                List<String> requires = new ArrayList<>(), transitive = new ArrayList<>(), exports = new ArrayList<>();
                for (String l : lines) {
                    String[] w = l.strip().split("\\s+");
                    if (w[0].equals("requires")) {    // "requires <name>[@v] [static] [transitive] [mandated]"
                        String name = w[1].replaceAll("@.*", "");
                        List<String> modifiers = List.of(w).subList(2, w.length);
                        if (!modifiers.contains("static")) requires.add(name);
                        if (modifiers.contains("transitive")) transitive.add(name);
                    } else if (w[0].equals("exports") && w.length == 2) {
                        exports.add(w[1]);
                    }
                }
                return new Descriptor(requires, transitive, exports);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Every module {@code module} can read: its requires plus the requires-transitive closure of those. */
    private Set<String> readable(String module) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(describe(module).requires());
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (seen.add(m)) todo.addAll(describe(m).transitive());
        }
        return seen;
    }

    private void assertOnlyApisAndPlatform(String module, Set<String> allowedApps, String allowedThirdParty) {
        for (String m : readable(module)) {
            assertTrue(!FORBIDDEN.matcher(m).find(), module + " can read " + m);
            boolean ok = allowedApps.contains(m) || m.startsWith("java.") || m.startsWith("jdk.") || m.matches(allowedThirdParty);
            assertTrue(ok, module + " reads " + m + ", which is outside its allowed boundary");
        }
    }

    @Test
    void wireSeesOnlyPolicyStoreJdkScramAndBouncyCastle() {
        // BouncyCastle: generating the self-signed TLS certificate (the JDK has no public API for it)
        assertOnlyApisAndPlatform("dev.betweenrows.wire", Set.of("dev.betweenrows.policy", "dev.betweenrows.store"),
                "com\\.ongres\\..*|io\\.helidon\\..*|org\\.bouncycastle\\..*");
    }

    @Test
    void adminSeesOnlyPolicyStoreJdkAndHelidon() {
        assertOnlyApisAndPlatform("dev.betweenrows.admin", Set.of("dev.betweenrows.policy", "dev.betweenrows.store"),
                // pgjdbc: catalog discovery and the connection test talk to the upstream over JDBC
                "io\\.helidon\\..*|jakarta\\..*|org\\.eclipse\\.(yasson|parsson)|io\\.micrometer.*|micrometer\\..*|org\\.jspecify.*"
                        + "|org\\.postgresql\\.jdbc|org\\.checkerframework\\.checker\\.qual");
    }

    @Test
    void apisDoNotLeakImplementationModulesTransitively() {
        assertEquals(List.of(), describe("dev.betweenrows.policy").transitive());
        assertEquals(List.of("dev.betweenrows.policy"), describe("dev.betweenrows.store").transitive());
    }

    @Test
    void eachModuleExportsOnlyItsApiPackage() {
        assertEquals(List.of("dev.betweenrows.policy"), describe("dev.betweenrows.policy").exports());
        assertEquals(List.of("dev.betweenrows.store"), describe("dev.betweenrows.store").exports());
        assertEquals(List.of("dev.betweenrows.wire"), describe("dev.betweenrows.wire").exports());
        assertEquals(List.of(), describe("dev.betweenrows.rewrite").exports());
        assertEquals(List.of(), describe("dev.betweenrows.audit").exports());
        assertEquals(Set.of("dev.betweenrows.admin", "dev.betweenrows.admin.json"), Set.copyOf(describe("dev.betweenrows.admin").exports()));
    }

    @Test
    void theServerBindsImplementationsOnlyThroughServices() {
        Set<String> serverReads = new HashSet<>(describe("dev.betweenrows.server").requires());
        assertTrue(!serverReads.contains("dev.betweenrows.rewrite") && !serverReads.contains("dev.betweenrows.audit"),
                "the composition root finds the guard and the audit through ServiceLoader: " + serverReads);
    }
}
