package io.seams.shop.platform.distribution.kafka;

import io.seams.shop.platform.distribution.topology.HostedModules;
import io.seams.shop.platform.distribution.topology.ModuleNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.modulith.events.Externalized;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which events cross this process's boundary, read from the modules' classes: the event types each
 * module's {@code @ApplicationModuleListener}, {@code @TransactionalEventListener} or {@code
 * @EventListener} methods take. (Not from Spring Modulith's runtime model: a process reads only its
 * hosted modules into that, to start fast, and the routes need the others' listeners too.)
 *
 * <p>Out: an externalised event of a module hosted here goes to Kafka only if a module hosted in
 * another process listens to it; an event only local modules listen to (say {@code OrderConfirmed}
 * when shipping, tracking and notifications run with orders) never leaves the process. In: an
 * externalised event of a module hosted elsewhere is received if a module hosted here listens to it.
 * Consumers outside Seams are not in the model: the topics they read are named in {@code
 * seams.topology.external-topics}, and the events of those topics published here always go out.
 */
final class EventRoutes {

    private final Map<String, Class<?>> outbound;
    private final Map<String, Class<?>> inbound;

    private EventRoutes(Map<String, Class<?>> outbound, Map<String, Class<?>> inbound) {
        this.outbound = outbound;
        this.inbound = inbound;
    }

    static EventRoutes of(HostedModules hosted) {
        return of(hosted, Set.of());
    }

    static EventRoutes of(HostedModules hosted, Set<String> externalTopics) {
        var outbound = new TreeMap<String, Class<?>>();
        var inbound = new TreeMap<String, Class<?>>();
        var here = new HashSet<Class<?>>();
        var elsewhere = new HashSet<Class<?>>();
        listenedTypes()
                .forEach((listener, events) ->
                        (hosted.hostsClass(listener.getName()) ? here : elsewhere).addAll(events));
        externalizedEvents().forEach((topic, type) -> {
            if (hosted.hostsClass(type.getName())) {
                if (listensTo(elsewhere, type) || externalTopics.contains(topic)) {
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

    /** Every class of Seams with event listener methods, and the event types they take. */
    private static Map<Class<?>, Set<Class<?>>> listenedTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factories) ->
                reader.getAnnotationMetadata().hasAnnotatedMethods(EventListener.class.getName()));
        var listeners = new HashMap<Class<?>, Set<Class<?>>>();
        for (var type : candidatesIn(scanner)) {
            var events = new HashSet<Class<?>>();
            ReflectionUtils.doWithMethods(
                    type,
                    method -> {
                        // A listener of Object (of any event) would take everything; no business module has one.
                        if (method.getParameterCount() > 0 && method.getParameterTypes()[0] != Object.class) {
                            events.add(method.getParameterTypes()[0]);
                        }
                    },
                    method -> AnnotatedElementUtils.hasAnnotation(method, EventListener.class));
            listeners.put(type, events);
        }
        return listeners;
    }

    private static boolean listensTo(Collection<Class<?>> listened, Class<?> event) {
        return listened.stream().anyMatch(parameter -> parameter.isAssignableFrom(event));
    }

    /** Every externalised event of the application, by its topic (its {@code @Externalized} name). */
    static Map<String, Class<?>> externalizedEvents() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
        var byTopic = new TreeMap<String, Class<?>>();
        for (var type : candidatesIn(scanner)) {
            var target = type.getAnnotation(Externalized.class).value(); // "topic" or "topic::key"
            var key = target.indexOf("::");
            byTopic.put(key < 0 ? target : target.substring(0, key), type);
        }
        return byTopic;
    }

    /** The classes the scanner finds in the modules. */
    private static List<Class<?>> candidatesIn(ClassPathScanningCandidateComponentProvider scanner) {
        return ModuleNames.basePackages().stream()
                .flatMap(basePackage -> scanner.findCandidateComponents(basePackage).stream())
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(
                        Objects.requireNonNull(candidate.getBeanClassName()), EventRoutes.class.getClassLoader()))
                .toList();
    }

    @Override
    public String toString() {
        return "out " + (outbound.isEmpty() ? "nothing" : outbound.keySet()) + ", in "
                + (inbound.isEmpty() ? "nothing" : inbound.keySet());
    }

    /** The routes, computed once, when first needed. */
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
