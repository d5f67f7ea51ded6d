package io.seams.shop.platform.distribution.remote;

import io.seams.shop.platform.distribution.topology.HostedModules;
import io.seams.shop.platform.distribution.topology.ModuleNames;
import java.time.Duration;
import java.util.Objects;
import org.jmolecules.ddd.types.Identifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Gives callers of a module that runs in another process an HTTP client built from that module's
 * API interface (the interfaces annotated with {@link HttpExchange}), so they keep depending on the
 * interface and never know where the module runs. The provider's address comes from
 * {@code seams.topology.remote.<module>.url}. Calls time out instead of hanging, reads are retried
 * once on a broken connection, and an unreachable provider ends the request with a 503 problem.
 */
@Component
class RemoteModuleApis implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(RemoteModuleApis.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    // Set by the container, as an *Aware bean, before it post-processes anything.
    @SuppressWarnings("NullAway.Init")
    private Environment environment;

    @SuppressWarnings("NullAway.Init")
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        var hosted = HostedModules.from(environment);
        if (hosted.isMonolith()) {
            return;
        }
        var apis = ModuleNames.basePackages().stream()
                .flatMap(basePackage -> apiInterfaces().findCandidateComponents(basePackage).stream())
                .toList();
        for (var candidate : apis) {
            var api = ClassUtils.resolveClassName(
                    Objects.requireNonNull(candidate.getBeanClassName()),
                    getClass().getClassLoader());
            var module = ModuleNames.beforeTheModel().moduleOf(api).orElseThrow();
            if (hosted.hosts(module)) {
                continue;
            }
            var definition = new RootBeanDefinition(api);
            // Created when first needed: a process whose modules never call this API needs no address for it.
            definition.setLazyInit(true);
            definition.setInstanceSupplier(() -> {
                var url = environment.getRequiredProperty("seams.topology.remote." + module + ".url");
                log.info("Topology: {} is served by module {} at {}", api.getSimpleName(), module, url);
                return clientFor(api, url);
            });
            registry.registerBeanDefinition("remote" + api.getSimpleName(), definition);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // The clients are registered with the definitions.
    }

    private <T> T clientFor(Class<T> api, String url) {
        var requests = requestFactory();
        var client = beanFactory
                .getBean(RestClient.Builder.class)
                .baseUrl(url)
                .requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    // The caller's token, relayed: the other process checks it as this one did.
                    if (SecurityContextHolder.getContext().getAuthentication()
                            instanceof JwtAuthenticationToken caller) {
                        request.getHeaders().setBearerAuth(caller.getToken().getTokenValue());
                    }
                    try {
                        return execution.execute(request, body);
                    } catch (java.io.IOException broken) {
                        // Only reads are safe to repeat: a write may have happened before the connection broke.
                        if (!HttpMethod.GET.equals(request.getMethod())) {
                            throw broken;
                        }
                        return execution.execute(request, body);
                    }
                })
                .build();
        // Identifiers (records such as CustomerId) go into paths as their value, as they print.
        var conversions = new DefaultFormattingConversionService();
        conversions.addConverter(Identifier.class, String.class, Object::toString);
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .conversionService(conversions)
                .build()
                .createClient(api);
    }

    /**
     * HTTP/1.1 on the caller's own thread, over the JDK's pool of kept-alive connections
     * ({@code HttpURLConnection}): no {@code h2c} upgrade negotiated on plain HTTP, no thread
     * started per request body, no connection set up per call. The body is streamed (never
     * buffered for a replay), so the JDK never silently sends a {@code POST} again on a broken
     * connection.
     */
    static ClientHttpRequestFactory requestFactory() {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(CONNECT_TIMEOUT);
        requests.setReadTimeout(READ_TIMEOUT);
        return requests;
    }

    private static ClassPathScanningCandidateComponentProvider apiInterfaces() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(HttpExchange.class));
        return scanner;
    }
}
