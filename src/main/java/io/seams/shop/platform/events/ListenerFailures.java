package io.seams.shop.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.seams.shop.platform.distribution.topology.ModuleNames;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * A listener that fails leaves its event publication incomplete, and the event is handed over
 * again later: an expected, recoverable situation (a gateway down, a report that overtook the
 * one it depends on). Say so once, with the listener, the event and the cause, as a warning; the
 * stack trace goes to DEBUG. Listeners run on the application task executor (the listeners' pool).
 */
@Component
class ListenerFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

    private final ObjectProvider<Executor> applicationTaskExecutor;
    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<ModuleNames> modules;

    ListenerFailures(
            @Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ModuleNames> modules) {
        this.applicationTaskExecutor = applicationTaskExecutor;
        this.meters = meters;
        this.modules = modules;
    }

    @Override
    public @Nullable Executor getAsyncExecutor() {
        return applicationTaskExecutor.getIfAvailable();
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (Throwable failure, Method listener, Object... arguments) -> {
            meters.ifAvailable(registry -> registry.counter(
                            "seams.listener.failures", "module", moduleOf(listener.getDeclaringClass()))
                    .increment());
            log.warn(
                    "{}.{}({}) failed; the event will be handed over again: {}",
                    listener.getDeclaringClass().getSimpleName(),
                    listener.getName(),
                    // The event's type only: its contents may be personal data, which logs must not keep.
                    Arrays.stream(arguments)
                            .map(argument -> argument.getClass().getSimpleName())
                            .collect(Collectors.joining(", ")),
                    NestedExceptionUtils.getMostSpecificCause(failure).toString());
            log.debug("Listener failure", failure);
        };
    }

    private String moduleOf(Class<?> listener) {
        return modules.getIfAvailable(ModuleNames::beforeTheModel)
                .moduleOf(listener)
                .orElse("none");
    }
}
