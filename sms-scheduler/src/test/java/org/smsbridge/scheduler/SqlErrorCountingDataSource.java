package org.smsbridge.scheduler;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source that records every {@link SQLException} its connections' statements raise. Every
 * error the database sends back is one the MariaDB driver logs at WARN, so none recorded means no
 * such log line.
 */
final class SqlErrorCountingDataSource {
    private final List<SQLException> errors = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    SqlErrorCountingDataSource(DataSource delegate) {
        this.dataSource = proxy(DataSource.class, delegate);
    }

    /** The counting data source. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Every error a statement raised so far, oldest first. */
    List<SQLException> errors() {
        return List.copyOf(errors);
    }

    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler h = (p, m, args) -> invoke(target, m, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private Object invoke(Object target, Method m, Object[] args) throws Throwable {
        Object result;
        try {
            result = m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql && target instanceof Statement) {
                errors.add(sql);
            }
            throw e.getCause();
        }
        Class<?> type = m.getReturnType();
        if (result != null && (type == Connection.class || Statement.class.isAssignableFrom(type))) {
            return wrap(type, result);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(Class<T> type, Object target) {
        return proxy(type, (T) target);
    }
}
