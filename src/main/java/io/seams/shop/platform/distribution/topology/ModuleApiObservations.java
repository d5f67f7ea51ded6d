package io.seams.shop.platform.distribution.topology;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Arrays;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Makes every call into a module's API (an {@link HttpExchange} interface, served in this process)
 * a span named after the module, like Spring Modulith's observability does for event listeners
 * and controllers. Spring Modulith observes only beans of a module's published types; Seams'
 * implementations are internal ({@code catalog.application.ProductCatalog} behind
 * {@code catalog.Catalog}), so without this the price lookup would vanish into the orders span.
 * When the module runs in another process the call is an HTTP client span here and a controller
 * span there instead.
 */
@Component
@RequiredArgsConstructor
class ModuleApiObservations implements BeanPostProcessor, Ordered {

    static final String OBSERVATION = "seams.module.api";

    private final ObjectProvider<ObservationRegistry> registry;
    private final ObjectProvider<ModuleNames> modules;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        var implementation = AopUtils.getTargetClass(bean);
        return apiOf(implementation).map(api -> observed(bean, api)).orElse(bean);
    }

    /** The module API this class implements, when it is a module's own implementation of it. */
    private Optional<Class<?>> apiOf(Class<?> implementation) {
        if (implementation.isInterface()) {
            return Optional.empty();
        }
        var apis = Arrays.stream(ClassUtils.getAllInterfacesForClass(implementation))
                .filter(type -> type.isAnnotationPresent(HttpExchange.class))
                .toList();
        if (apis.isEmpty()) {
            return Optional.empty();
        }
        var module = moduleOf(implementation);
        return apis.stream()
                .filter(api -> module.isPresent() && moduleOf(api).equals(module))
                .findFirst();
    }

    // MethodInvocation.proceed() may answer null, and so may the observed call: micrometer declares that
    // with a type variable (<R extends @Nullable Object>), which NullAway reads only from Java 22 on.
    @SuppressWarnings("NullAway")
    private Object observed(Object bean, Class<?> api) {
        var module = moduleOf(api).orElseThrow();
        MethodInterceptor interceptor = invocation -> Observation.createNotStarted(
                        OBSERVATION, registry.getIfAvailable(() -> ObservationRegistry.NOOP))
                .contextualName(module + " " + api.getSimpleName() + "."
                        + invocation.getMethod().getName())
                .lowCardinalityKeyValue("module.key", module)
                .lowCardinalityKeyValue("module.api", api.getSimpleName())
                .observeChecked(invocation::proceed);
        if (bean instanceof Advised advised && !advised.isFrozen()) {
            advised.addAdvice(0, interceptor);
            return bean;
        }
        var proxy = new ProxyFactory(bean);
        proxy.addInterface(api);
        proxy.addAdvice(interceptor);
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    private Optional<String> moduleOf(Class<?> type) {
        return modules.getIfAvailable(ModuleNames::beforeTheModel).moduleOf(type);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
