package io.seams.shop.platform.distribution.topology;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * The modules this process hosts, from {@code seams.topology.modules} (a comma-separated list of
 * module names). Unset or empty: every module, the monolith. The platform is always hosted.
 */
public final class HostedModules {

    static final String PROPERTY = "seams.topology.modules";

    private final Set<String> modules;

    private HostedModules(Set<String> modules) {
        this.modules = modules;
    }

    public static HostedModules from(Environment environment) {
        var configured = environment.getProperty(PROPERTY, "");
        return new HostedModules(Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether every module runs here. */
    public boolean isMonolith() {
        return modules.isEmpty();
    }

    /** Whether the module of the given name runs in this process. */
    public boolean hosts(String module) {
        return isMonolith() || module.equals("platform") || modules.contains(module);
    }

    /** Whether the module a class belongs to (by package) runs here; classes outside modules always do. */
    public boolean hostsClass(String className) {
        return ModuleNames.beforeTheModel().moduleOf(className).map(this::hosts).orElse(true);
    }

    @Override
    public String toString() {
        return isMonolith()
                ? "all modules"
                : String.join(", ", modules.stream().sorted().toList()) + " (and platform)";
    }
}
