package io.seams.shop.platform.events;

import io.seams.shop.platform.topology.HostedModules;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.events.Externalized;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which events cross this process's boundary, read from Spring Modulith's model of the application
 * ({@link ApplicationModules}: the event types each module's {@code @ApplicationModuleListener},
 * {@code @TransactionalEventListener} or {@code @EventListener} methods take).
 *
 * <p>Out: an externalised event of a module hosted here goes to Kafka only if a module hosted in
 * another process listens to it; an event only local modules listen to (say {@code OrderConfirmed}
 * when shipping, tracking and notifications run with orders) never leaves the process. In: an
 * externalised event of a module hosted elsewhere is received if a module hosted here listens to it.
 */
final class EventRoutes {

    private final Map<String, Class<?>> outbound;
    private final Map<String, Class<?>> inbound;

    private EventRoutes(Map<String, Class<?>> outbound, Map<String, Class<?>> inbound) {
        this.outbound = outbound;
        this.inbound = inbound;
    }

    static EventRoutes of(ApplicationModules modules, HostedModules hosted) {
        var outbound = new TreeMap<String, Class<?>>();
        var inbound = new TreeMap<String, Class<?>>();
        var here = listenedTypes(modules, hosted, true);
        var elsewhere = listenedTypes(modules, hosted, false);
        externalizedEvents().forEach((topic, type) -> {
            if (hosted.hostsClass(type.getName())) {
                if (listensTo(elsewhere, type)) {
                    outbound.put(topic, type);
                }
            } else if (listensTo(here, type)) {
                inbound.put(topic, type);
            }
        });
        return new EventRoutes(outbound, inbound);
    }

    /** Whether this event is sent to Kafka: a module hosted in another process listens to it. */
    boolean sendsOut(Object event) {
        return outbound.containsValue(event.getClass());
    }

    /** The topics this process sends to, with their event types. */
    Map<String, Class<?>> outbound() {
        return outbound;
    }

    /** The topics this process receives from, with their event types. */
    Map<String, Class<?>> inbound() {
        return inbound;
    }

    /** Every topic this process uses, in or out. */
    Set<String> topics() {
        var topics = new TreeSet<>(outbound.keySet());
        topics.addAll(inbound.keySet());
        return topics;
    }

    /** The event types that the listeners of the modules hosted here (or, {@code here} false, elsewhere) take. */
    private static Set<Class<?>> listenedTypes(ApplicationModules modules, HostedModules hosted, boolean here) {
        var types = new java.util.HashSet<Class<?>>();
        for (ApplicationModule module : modules) {
            if (hosted.hosts(module.getName()) != here) {
                continue;
            }
            for (var type : module.getEventsListenedTo(modules)) {
                var listened = type.reflect();
                // A listener of Object (or of any event) would take everything; no business module has one.
                if (listened != Object.class) {
                    types.add(listened);
                }
            }
        }
        return types;
    }

    private static boolean listensTo(Collection<Class<?>> listened, Class<?> event) {
        return listened.stream().anyMatch(parameter -> parameter.isAssignableFrom(event));
    }

    /** Every externalised event of the application, by its topic (its {@code @Externalized} name). */
    static Map<String, Class<?>> externalizedEvents() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
        var byTopic = new TreeMap<String, Class<?>>();
        for (var candidate : scanner.findCandidateComponents("io.seams.shop")) {
            var type = ClassUtils.resolveClassName(candidate.getBeanClassName(), EventRoutes.class.getClassLoader());
            byTopic.put(type.getAnnotation(Externalized.class).value().split("::")[0], type);
        }
        return byTopic;
    }

    @Override
    public String toString() {
        return "out " + (outbound.isEmpty() ? "nothing" : outbound.keySet()) + ", in "
                + (inbound.isEmpty() ? "nothing" : inbound.keySet());
    }

    /** The routes, computed once, when first needed: Spring Modulith builds its model in the background at start-up. */
    static final class Lazy {

        private final Supplier<EventRoutes> routes;

        Lazy(Supplier<EventRoutes> routes) {
            this.routes = SingletonSupplier.of(routes);
        }

        EventRoutes get() {
            return routes.get();
        }
    }
}
