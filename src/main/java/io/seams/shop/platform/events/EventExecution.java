package io.seams.shop.platform.events;

import java.io.Serial;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;
import org.aopalliance.aop.Advice;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.AbstractAsyncConfiguration;
import org.springframework.scheduling.annotation.AnnotationAsyncExecutionInterceptor;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;
import org.springframework.scheduling.annotation.AsyncAnnotationBeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Where the work after a commit runs, and how much of it may wait. The modules' event listeners run
 * on a bounded pool of their own ({@code listener-} threads); handing events to Kafka, when modules
 * run apart, runs on another ({@code externalize-} threads), so that a slow or absent broker never
 * holds a thread local work needs.
 *
 * <p>Neither queue is meant to fill: intake refuses new work long before ({@link ListenerBacklog},
 * {@code seams.web.overload.*}). Should one fill all the same, the thread that hands the work over
 * runs it itself: slower, never lost (the publication is in the registry either way).
 *
 * <p>This replaces {@code @EnableAsync}: Spring's {@code @Async}, which Spring Modulith's listeners
 * carry, has no way to name an executor for a listener declared by the framework, so the advice
 * picks the externalisation pool for Spring Modulith's externaliser and the listeners' pool for
 * everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventExecutionProperties.class)
// Infrastructure, like Spring's own ProxyAsyncConfiguration: it declares a bean post-processor, so
// it is created before the post-processors that would otherwise process it (and warn that they cannot).
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class EventExecution extends AbstractAsyncConfiguration {

    static final String LISTENERS = "applicationTaskExecutor";

    static final String EXTERNALIZATION = "eventExternalizationExecutor";

    /** Spring Modulith's base class of event externalisers (not public API, hence by name). */
    private static final String EXTERNALIZER =
            "org.springframework.modulith.events.support.EventExternalizationSupport";

    @Bean(name = TaskManagementConfigUtils.ASYNC_ANNOTATION_PROCESSOR_BEAN_NAME)
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    AsyncAnnotationBeanPostProcessor asyncAdvisor() {
        return new ExternalizationOnItsOwnPool(executor, exceptionHandler);
    }

    /** The listeners' pool; also Spring Boot's application task executor, by name. */
    @Bean(name = {LISTENERS, "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(
            ThreadPoolTaskExecutorBuilder builder, EventExecutionProperties properties, TaskDecorator context) {
        return pool(builder, "listener-", properties.listeners(), context);
    }

    @Bean(EXTERNALIZATION)
    @ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true")
    ThreadPoolTaskExecutor eventExternalizationExecutor(
            ThreadPoolTaskExecutorBuilder builder, EventExecutionProperties properties, TaskDecorator context) {
        return pool(builder, "externalize-", properties.externalization(), context);
    }

    @Bean
    ListenerBacklog listenerBacklog(@Qualifier(LISTENERS) ThreadPoolTaskExecutor listeners) {
        return new ListenerBacklog(listeners);
    }

    static ThreadPoolTaskExecutor pool(
            ThreadPoolTaskExecutorBuilder builder,
            String prefix,
            EventExecutionProperties.Pool pool,
            TaskDecorator context) {
        var executor = builder.threadNamePrefix(prefix)
                .corePoolSize(pool.threads())
                .maxPoolSize(pool.threads())
                .queueCapacity(pool.queueCapacity())
                .build(WorkAfterCommit.class);
        // After build(): Spring Boot's builder would set the context's TaskDecorator alone.
        executor.setTaskDecorator(task -> ListenerBacklog.queued(context.decorate(task)));
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        return executor;
    }

    /**
     * A pool that finishes what it was given when its application context is paused. Spring pauses
     * a context's lifecycle beans when it is not in use (a cached test context, since Spring
     * Framework 7), and a paused {@link ThreadPoolTaskExecutor} holds every waiting task until it
     * is started again. A listener invocation already handed over would then wait for a restart
     * that may never come, and closing the context, which waits for its tasks to finish, would wait
     * the full {@code spring.task.execution.shutdown.await-termination-period} for tasks that
     * cannot start. Stopping on close is unchanged.
     */
    static final class WorkAfterCommit extends ThreadPoolTaskExecutor {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isPauseable() {
            return false;
        }
    }

    /** Spring's {@code @Async} processing, with Spring Modulith's externaliser sent to its own pool. */
    private static final class ExternalizationOnItsOwnPool extends AsyncAnnotationBeanPostProcessor {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient @Nullable Supplier<? extends Executor> executor;
        private final transient @Nullable Supplier<? extends AsyncUncaughtExceptionHandler> exceptionHandler;

        ExternalizationOnItsOwnPool(
                @Nullable Supplier<? extends Executor> executor,
                @Nullable Supplier<? extends AsyncUncaughtExceptionHandler> exceptionHandler) {
            this.executor = executor;
            this.exceptionHandler = exceptionHandler;
            configure(executor, exceptionHandler);
        }

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            super.setBeanFactory(beanFactory);
            var routing = new AsyncAnnotationAdvisor(executor, exceptionHandler) {
                @Override
                protected Advice buildAdvice(
                        @Nullable Supplier<? extends Executor> executor,
                        @Nullable Supplier<? extends AsyncUncaughtExceptionHandler> exceptionHandler) {
                    var interceptor = new AnnotationAsyncExecutionInterceptor(null) {
                        @Override
                        protected @Nullable String getExecutorQualifier(Method method) {
                            return isExternalizer(method.getDeclaringClass())
                                    ? EXTERNALIZATION
                                    : super.getExecutorQualifier(method);
                        }
                    };
                    interceptor.configure(executor, exceptionHandler);
                    return interceptor;
                }
            };
            routing.setBeanFactory(beanFactory);
            this.advisor = routing;
        }

        private static boolean isExternalizer(Class<?> type) {
            for (var candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
                if (candidate.getName().equals(EXTERNALIZER)) {
                    return true;
                }
            }
            return false;
        }
    }
}
