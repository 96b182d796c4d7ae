package dev.betweenrows.store.derby;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;

/**
 * Derby dialect bit: Helidon binds a {@code null} parameter with {@code setNull(i, Types.NULL)}, which
 * Derby refuses ("data type '0' is not supported"). This wrapper turns it (and {@code setObject(i, null)}) into
 * {@code setNull(i, <declared parameter type>)}; every other call passes straight through.
 */
final class NullBinding {
    private NullBinding() {}

    static Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = call(target, method, args);
            return method.getName().equals("prepareStatement") ? wrapStatement((PreparedStatement) result) : result;
        });
    }

    private static PreparedStatement wrapStatement(PreparedStatement statement) {
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            boolean untypedNull = method.getName().equals("setObject") && args.length == 2 && args[1] == null
                    || method.getName().equals("setNull") && args.length == 2 && (Integer) args[1] == Types.NULL;
            if (untypedNull) {
                int index = (Integer) args[0];
                target.setNull(index, target.getParameterMetaData().getParameterType(index));
                return null;
            }
            return call(target, method, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args == null ? new Object[0] : args);
        return type.cast(Proxy.newProxyInstance(NullBinding.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
