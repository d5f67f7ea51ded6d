package io.seams.fitness;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;
import java.util.stream.Collectors;

/** Recognises the events modules publish: what crosses a module boundary asynchronously. */
public final class ModuleEvents {

    private ModuleEvents() {}

    /**
     * Types that are domain events by jMolecules' type or annotation, or Spring Modulith's
     * externalization marker, and the types nested in them (such as an event's line items).
     */
    public static DescribedPredicate<JavaClass> eventTypes() {
        return DescribedPredicate.describe("module events", ModuleEvents::isEvent);
    }

    /**
     * The same, and the events the application's modules exchange by use, marked or not: the
     * types of the application that a listener ({@code @EventListener},
     * {@code @TransactionalEventListener}, {@code @ApplicationModuleListener}) in another module
     * than theirs takes, and the types nested in them. Whoever publishes them
     * ({@code ApplicationEventPublisher.publishEvent}, {@code registerEvent}), another module
     * depends on their shape. A shared module's types are left out, as the listener rule leaves
     * them: a shared module is part of every deployable, and what it announces in-process (an
     * access refused by the web layer) is no contract between modules; mark it to make it one.
     */
    public static DescribedPredicate<JavaClass> eventTypes(ModularApplication app) {
        var used = listenedToByOtherModules(app);
        return DescribedPredicate.describe("module events", type -> isEvent(type, used));
    }

    static boolean isEvent(JavaClass type) {
        if (type.isAssignableTo("org.jmolecules.event.types.DomainEvent")
                || type.isAnnotatedWith("org.jmolecules.event.annotation.DomainEvent")
                || type.isAnnotatedWith("org.springframework.modulith.events.Externalized")) {
            return true;
        }
        return type.getEnclosingClass().map(ModuleEvents::isEvent).orElse(false);
    }

    static boolean isEvent(JavaClass type, Set<String> listenedToByOtherModules) {
        if (isEvent(type) || listenedToByOtherModules.contains(type.getName())) {
            return true;
        }
        return type.getEnclosingClass()
                .map(enclosing -> isEvent(enclosing, listenedToByOtherModules))
                .orElse(false);
    }

    /** The names of the application's types a listener of another module than theirs takes. */
    static Set<String> listenedToByOtherModules(ModularApplication app) {
        return app.classes().stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(TransactionRules::isEventListener)
                .flatMap(method -> {
                    var listener = app.moduleOf(method.getOwner()).map(ModularApplication::nameOf);
                    return TransactionRules.listenedTypes(method).stream()
                            .filter(type -> app.classes().contain(type.getName()))
                            .filter(type -> !app.isInSharedModule(type))
                            .filter(type -> app.moduleOf(type)
                                    .map(ModularApplication::nameOf)
                                    .filter(module -> !listener.equals(java.util.Optional.of(module)))
                                    .isPresent());
                })
                .map(JavaClass::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
