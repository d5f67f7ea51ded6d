package io.seams.shop.platform.distribution.topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Removes the beans of modules this process does not host — their components, listeners,
 * repositories and controllers — before anything is created. The code of every module is in the
 * jar; only what runs changes. It runs before the post-processors that add definitions of their
 * own ({@code Ordered}): the HTTP clients {@code RemoteModuleApis} registers for other modules'
 * APIs belong to those modules by package, and must not be filtered out.
 */
@Component
class ModuleBeanFilter implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ModuleBeanFilter.class);

    // Set by the container, as an EnvironmentAware bean, before it post-processes anything.
    @SuppressWarnings("NullAway.Init")
    private HostedModules hosted;

    @Override
    public void setEnvironment(Environment environment) {
        this.hosted = HostedModules.from(environment);
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (hosted.isMonolith()) {
            return;
        }
        var removed = 0;
        for (var name : registry.getBeanDefinitionNames()) {
            var className = registry.getBeanDefinition(name).getBeanClassName();
            if (className != null && !hosted.hostsClass(className)) {
                registry.removeBeanDefinition(name);
                removed++;
            }
        }
        log.info("Topology: hosting {}; left out {} bean(s) of other modules", hosted, removed);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing to do once the definitions are filtered.
    }
}
