package io.seams.shop.platform.distribution.topology;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.seams.shop.SeamsApplication;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;
import org.springframework.modulith.runtime.ApplicationRuntime;

/**
 * Spring Modulith's model of the modules at run time, limited to the modules this process hosts.
 *
 * <p>Its observability (a span per entry into a module, a counter per event crossing modules)
 * asks for the model when it wraps the first bean, and Spring Modulith builds it by reading every
 * class of the application with ArchUnit. A process hosting one module has no bean of the others
 * to observe, so it reads only its modules' classes (and the platform's): the model holds the
 * hosted modules, exactly as they are in the monolith. The monolith still reads everything. The
 * model is read in the background from the moment this bean exists, while the other beans are
 * created. Replaces Spring Modulith's own {@code ApplicationModulesRuntime}
 * ({@code @ConditionalOnMissingBean}).
 */
@Configuration(proxyBeanMethods = false)
class HostedApplicationModules {

    private static final Logger log = LoggerFactory.getLogger(HostedApplicationModules.class);

    @Bean
    // Infrastructure, as Spring Modulith declares its own: its observability's post-processor needs it
    // before the other post-processors exist.
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ApplicationModulesRuntime hostedModulesRuntime(ApplicationContext context, Environment environment) {
        var hosted = HostedModules.from(environment);
        var modules = new CompletableFuture<ApplicationModules>();
        var reader = new Thread(
                () -> {
                    try {
                        modules.complete(read(hosted));
                    } catch (RuntimeException | Error e) {
                        modules.completeExceptionally(e);
                    }
                },
                "seams-modules");
        // ArchUnit finds the classes through the context class loader: the application's, not
        // the system's, when started from the jar.
        reader.setContextClassLoader(context.getClassLoader());
        reader.setDaemon(true);
        reader.start();
        return new ApplicationModulesRuntime(modules::join, ApplicationRuntime.of(context));
    }

    private static ApplicationModules read(HostedModules hosted) {
        var start = System.nanoTime();
        ImportOption onlyHosted = location -> hostsLocation(hosted, location);
        var modules = hosted.isMonolith()
                ? ApplicationModules.of(SeamsApplication.class)
                : ApplicationModules.of(
                        SeamsApplication.class,
                        location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                                && onlyHosted.includes(location));
        log.debug("Topology: read the modules of {} in {} ms", hosted, (System.nanoTime() - start) / 1_000_000);
        return modules;
    }

    /** Whether a class file belongs to a hosted module; anything outside Seams' modules does. */
    static boolean hostsLocation(HostedModules hosted, Location location) {
        var path = location.asURI().toString();
        for (var basePackage : ModuleNames.basePackages()) {
            var at = path.lastIndexOf(basePackage.replace('.', '/') + "/");
            if (at >= 0) {
                var className = path.substring(at).replaceFirst("\\.class$", "").replace('/', '.');
                return hosted.hostsClass(className);
            }
        }
        return true;
    }

    /** Which module a class belongs to, answered by the model this process reads (see {@link ModuleNames}). */
    @Bean
    static ModuleNames moduleNames(ApplicationModulesRuntime runtime) {
        return ModuleNames.of(runtime);
    }
}
