package dev.betweenrows.server.verify;

import java.util.List;
import java.util.Map;

/** Arguments of {@code betweenrows verify}; passwords only from the environment. */
record Options(String adminUrl, String adminUser, String adminPassword, String proxy, String dataSource, String user,
               String userPassword, String sslmode, String query, Long expectRows, String expectRewritten) {
    static final String USAGE = """
            usage: betweenrows verify --admin-url URL --admin-user NAME --datasource NAME --as-user NAME
                                      [--proxy HOST:PORT] [--sslmode require|disable|verify-full] [--query SQL]
                                      [--expect-rows N] [--expect-rewritten TEXT]
              passwords: BR_VERIFY_ADMIN_PASSWORD and BR_VERIFY_USER_PASSWORD (environment)""";

    static Options parse(List<String> args, Map<String, String> env) {
        java.util.HashMap<String, String> v = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) throw new IllegalArgumentException("unexpected argument " + a);
            v.put(a.substring(2), args.get(++i));
        }
        for (String required : List.of("admin-url", "admin-user", "datasource", "as-user")) {
            if (!v.containsKey(required)) throw new IllegalArgumentException("--" + required + " is required");
        }
        String adminPw = env.get("BR_VERIFY_ADMIN_PASSWORD");
        String userPw = env.get("BR_VERIFY_USER_PASSWORD");
        if (adminPw == null || userPw == null) {
            throw new IllegalArgumentException("set BR_VERIFY_ADMIN_PASSWORD and BR_VERIFY_USER_PASSWORD");
        }
        Long rows = v.containsKey("expect-rows") ? Long.parseLong(v.get("expect-rows")) : null;
        return new Options(v.get("admin-url").replaceAll("/+$", ""), v.get("admin-user"), adminPw,
                v.getOrDefault("proxy", "127.0.0.1:5434"), v.get("datasource"), v.get("as-user"), userPw,
                v.getOrDefault("sslmode", "require"), v.getOrDefault("query", "SELECT 1"), rows, v.get("expect-rewritten"));
    }
}
