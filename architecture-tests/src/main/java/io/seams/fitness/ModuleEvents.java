package io.seams.fitness;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

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

    static boolean isEvent(JavaClass type) {
        if (type.isAssignableTo("org.jmolecules.event.types.DomainEvent")
                || type.isAnnotatedWith("org.jmolecules.event.annotation.DomainEvent")
                || type.isAnnotatedWith("org.springframework.modulith.events.Externalized")) {
            return true;
        }
        return type.getEnclosingClass().map(ModuleEvents::isEvent).orElse(false);
    }
}
