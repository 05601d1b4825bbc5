package social.tsubame.testing;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements one HTTP request makes, for tests that check a page or an endpoint costs a fixed number
 * of queries. Import it into a {@code @TsubameTest}; a request with the header {@value #HEADER} has the statements
 * prepared on its thread counted under the header's value ({@link #count}). Work of other threads (queues, the
 * outbox relay) is not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounter {

    public static final String HEADER = "X-Test-Query-Count";

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement",
            "prepareCall");
    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    /** The statements of the request sent with {@code HEADER: key}. */
    public static int count(String key) {
        Integer count = COUNTS.get(key);
        if (count == null) {
            throw new IllegalStateException("No request was counted as " + key);
        }
        return count;
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    Object result = invocation.proceed();
                    return result instanceof Connection connection ? counted(connection) : result;
                });
                return proxy.getProxy();
            }
        };
    }

    private static Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(QueryCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
                    int[] counter = CURRENT.get();
                    if (counter != null && STATEMENT_METHODS.contains(method.getName())) {
                        counter[0]++;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> queryCountingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        String key = request.getHeader(HEADER);
                        if (key == null) {
                            chain.doFilter(request, response);
                            return;
                        }
                        int[] counter = new int[1];
                        CURRENT.set(counter);
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            CURRENT.remove();
                            COUNTS.put(key, counter[0]);
                        }
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
