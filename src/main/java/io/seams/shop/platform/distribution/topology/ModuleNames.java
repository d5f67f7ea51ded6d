package io.seams.shop.platform.distribution.topology;

import io.seams.shop.SeamsApplication;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ModulithMetadata;

/**
 * Which application module a class belongs to: the one answer the whole platform uses (listener
 * failure metrics, module API spans, remote clients, hosted beans, event routes).
 *
 * <p>With Spring Modulith's model of the application — the one its runtime already holds ({@link
 * HostedApplicationModules}), never a second one — the model answers ({@link
 * ApplicationModules#getModuleByType(String)}). The model does not exist yet while bean
 * definitions are filtered and registered, nor while the classes it will read are chosen; and a
 * process hosting some modules reads only theirs into it. There, and for classes of modules hosted
 * elsewhere, the answer follows the rule by which Spring Modulith detects the modules: a module is
 * a direct sub-package of the application's base package ({@link ModulithMetadata} of {@link
 * SeamsApplication}).
 */
public final class ModuleNames {

    // A copy: Spring Modulith answers with a mutable list, which basePackages() would hand to every caller.
    private static final List<String> BASE_PACKAGES =
            List.copyOf(ModulithMetadata.of(SeamsApplication.class).getBasePackages());

    private static final ModuleNames BEFORE_THE_MODEL = new ModuleNames(null);

    private final @Nullable Supplier<ApplicationModules> model;

    private ModuleNames(@Nullable Supplier<ApplicationModules> model) {
        this.model = model;
    }

    /** Answers by package only: for the time before Spring Modulith's model exists. */
    public static ModuleNames beforeTheModel() {
        return BEFORE_THE_MODEL;
    }

    /** Answers from Spring Modulith's model of the application, asked for when first needed. */
    public static ModuleNames of(Supplier<ApplicationModules> model) {
        return new ModuleNames(model);
    }

    /** The packages Seams' modules are sub-packages of ({@code io.seams.shop}). */
    public static List<String> basePackages() {
        return BASE_PACKAGES;
    }

    /** The module the class of this name belongs to; empty for classes outside Seams' modules. */
    public Optional<String> moduleOf(String className) {
        if (model != null) {
            var known = model.get()
                    .getModuleByType(className)
                    .filter(module -> !module.isRootModule())
                    .map(module -> module.getIdentifier().toString());
            if (known.isPresent()) {
                return known;
            }
        }
        return bySubPackage(className);
    }

    /** The module the class belongs to; empty for classes outside Seams' modules. */
    public Optional<String> moduleOf(Class<?> type) {
        return moduleOf(type.getName());
    }

    private static Optional<String> bySubPackage(String className) {
        for (var base : BASE_PACKAGES) {
            if (className.startsWith(base + ".")) {
                var rest = className.substring(base.length() + 1);
                var dot = rest.indexOf('.');
                // A class right in the base package (the application class) is in no module.
                return dot < 0 ? Optional.empty() : Optional.of(rest.substring(0, dot));
            }
        }
        return Optional.empty();
    }
}
