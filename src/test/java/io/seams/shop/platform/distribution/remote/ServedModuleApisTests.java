package io.seams.shop.platform.distribution.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.seams.shop.platform.distribution.topology.ModuleNames;
import io.seams.shop.testing.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.ClassUtils;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * A module's API interface is the contract of two sides: callers in other processes get an HTTP
 * client built from its exchange annotations, and the process hosting the module must serve the
 * same methods on the same paths. In the monolith nobody notices when it does not: every call is
 * local. Here every method of every module API is looked up among the endpoints this process
 * serves, and the customers API is called over HTTP as another process calls it, with the
 * caller's token relayed.
 */
@Tag("ex-10")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ServedModuleApisTests {

    static final String ADA = "c0ffee00-0000-4000-8000-000000000001";

    @Autowired
    ApplicationContext context;

    @Autowired
    RestTestClient http;

    @Test
    void everyMethodOfEveryModuleApiIsServedOnThePathItsClientsCall() {
        var served = served();
        var missing = new ArrayList<String>();
        var apis = 0;
        for (var api : moduleApis()) {
            apis++;
            var prefix = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class)
                    .url();
            for (var method : api.getMethods()) {
                var exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
                if (exchange == null) {
                    continue;
                }
                var endpoint = exchange.method() + " " + normalised(prefix + exchange.url());
                if (!served.contains(endpoint)) {
                    missing.add("%s.%s (%s)".formatted(api.getSimpleName(), method.getName(), endpoint));
                }
            }
        }

        assertThat(apis).as("module APIs (@HttpExchange interfaces)").isGreaterThanOrEqualTo(2);
        assertThat(missing)
                .as("module API methods that no endpoint of this process serves, so a client in another"
                        + " process calling them gets a 404")
                .isEmpty();
    }

    @Test
    void aCallerGetsTheirOwnShippingAddressOverHttpAndNobodyElses() {
        var uri = "/internal/customers/" + ADA + "/shipping-address";

        Tokens.as(http, context, "ada")
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.recipient")
                .isEqualTo("Ada Lovelace");
        var alan = Tokens.as(http, context, "alan").get().uri(uri).exchange().returnResult(String.class);
        assertThat(alan.getStatus().value()).as("GET %s as Alan", uri).isEqualTo(200);
        assertThat(Objects.requireNonNullElse(alan.getResponseBody(), "null"))
                .as("what Alan, another customer, gets of Ada's address: nothing (the token is relayed)")
                .isEqualTo("null");
        http.get().uri(uri).exchange().expectStatus().isUnauthorized();
    }

    /** "METHOD /path" of every handler this process maps, path variables as {}. */
    private TreeSet<String> served() {
        var endpoints = new TreeSet<String>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods()
                        .keySet()
                        .forEach(info -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> info.getPatternValues()
                                        .forEach(
                                                pattern -> endpoints.add(method.name() + " " + normalised(pattern))))));
        return endpoints;
    }

    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /** The module APIs, found as RemoteModuleApis finds them. */
    private static List<Class<?>> moduleApis() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(HttpExchange.class));
        return ModuleNames.basePackages().stream()
                .flatMap(base -> scanner.findCandidateComponents(base).stream())
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(
                        candidate.getBeanClassName(), ServedModuleApisTests.class.getClassLoader()))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }
}
