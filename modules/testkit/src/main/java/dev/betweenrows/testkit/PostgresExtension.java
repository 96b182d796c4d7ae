package dev.betweenrows.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link PostgresServer} per test run, lazily, and injects it into parameters of type
 * {@code PostgresServer}. The server lives in the root context's store, so JUnit stops it when the
 * whole run ends; the server's own shutdown hook covers runs that are killed.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The run's shared server, starting it if this is the first request. */
    public static PostgresServer shared(ExtensionContext context) {
        // getOrComputeIfAbsent is atomic, so parallel test classes still start only one server.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServer.class, key -> new SharedServer(PostgresServer.builder().withTls().start()),
                        SharedServer.class)
                .server();
    }

    /** Adapter so the store closes the server at the end of the run. */
    private record SharedServer(PostgresServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
        }
    }
}
