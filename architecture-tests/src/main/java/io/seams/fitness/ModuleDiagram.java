package io.seams.fitness;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules and their dependencies as a Mermaid flowchart, which renders on GitHub. Solid
 * arrows are synchronous dependencies (calls, shared types); dashed arrows, labelled with the
 * events, are modules listening to another module's events — drawn apart, because only the solid
 * ones must be free of cycles.
 */
public final class ModuleDiagram {

    private ModuleDiagram() {}

    public static String mermaid(ModularApplication app) {
        var synchronous = new TreeSet<String>();
        var events = new TreeMap<String, TreeSet<String>>();
        app.classes()
                .forEach(type -> app.moduleOf(type)
                        .ifPresent(source -> type.getDirectDependenciesFromSelf()
                                .forEach(dependency -> {
                                    var target = dependency.getTargetClass().getBaseComponentType();
                                    app.moduleOf(target)
                                            .filter(module -> !module.equals(source))
                                            .ifPresent(module -> {
                                                var edge = ModularApplication.nameOf(source) + " "
                                                        + ModularApplication.nameOf(module);
                                                if (ModuleEvents.isEvent(target)) {
                                                    var event = target;
                                                    while (event.getEnclosingClass()
                                                            .isPresent()) {
                                                        event = event.getEnclosingClass()
                                                                .get();
                                                    }
                                                    events.computeIfAbsent(edge, key -> new TreeSet<>())
                                                            .add(event.getSimpleName());
                                                } else {
                                                    synchronous.add(edge);
                                                }
                                            });
                                })));
        var diagram = new StringBuilder("flowchart LR\n");
        app.moduleNames().stream()
                .sorted()
                .forEach(name -> diagram.append("    ").append(name).append('\n'));
        synchronous.forEach(edge ->
                diagram.append("    ").append(edge.replace(" ", " --> ")).append('\n'));
        events.forEach((edge, names) -> {
            var ends = edge.split(" ");
            diagram.append("    %s -. \"%s\" .-> %s\n".formatted(ends[0], String.join(", ", names), ends[1]));
        });
        return diagram.toString();
    }

    /** The diagram wrapped in a Markdown page. */
    public static String markdown(ModularApplication app, String title) {
        return "# " + title + "\n\n"
                + "Generated from the code by the build; do not edit. Solid arrows: synchronous dependencies"
                + " (calls, shared types). Dashed arrows: events the module listens to.\n\n```mermaid\n"
                + mermaid(app) + "```\n";
    }
}
