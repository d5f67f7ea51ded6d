package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Module APIs can be served remotely: every method of an interface in a module's API, and every
 * public method of a module's API class, takes and returns plain values (ids, strings, numbers,
 * time, enums, records and collections of them), never entities, repositories, lazy proxies or
 * callbacks.
 *
 * <p>A module's API is its base package and the packages it exposes as named interfaces. An API
 * class is a public Spring bean there ({@link ModularApplication#isApiClass}: a {@code @Service}
 * called by other modules); records, enums and events in those packages are values, not APIs,
 * and their accessors are not checked. A shared module ({@code @Modulithic(sharedModules = ...)})
 * is embedded in every deployable, never served remotely: its API is not checked.
 */
public final class ApiRules {

    private ApiRules() {}

    public static ArchRule moduleApisAreRemoteSafe(ModularApplication app) {
        return classes()
                .that(DescribedPredicate.describe(
                        "are module API interfaces or classes",
                        (JavaClass type) -> ((type.isInterface()
                                                && !type.isAnnotation()
                                                && type.isTopLevelClass()
                                                && !type.getSimpleName().equals("package-info")
                                                && app.isExposed(type))
                                        || app.isApiClass(type))
                                && !app.isInSharedModule(type)))
                .should(new ArchCondition<JavaClass>("take and return only plain values") {
                    @Override
                    public void check(JavaClass api, ConditionEvents events) {
                        var type = api.reflect();
                        var methods = type.isInterface()
                                ? java.util.Arrays.stream(type.getMethods())
                                : java.util.Arrays.stream(type.getDeclaredMethods())
                                        .filter(method -> java.lang.reflect.Modifier.isPublic(method.getModifiers())
                                                && !java.lang.reflect.Modifier.isStatic(method.getModifiers())
                                                && !method.isSynthetic()
                                                && !method.isBridge());
                        for (var method : (Iterable<Method>)
                                methods.sorted(java.util.Comparator.comparing(Method::getName))::iterator) {
                            for (var parameter : method.getGenericParameterTypes()) {
                                if (!isRemoteSafe(parameter)) {
                                    events.add(unsafe(api, method, "takes", parameter));
                                }
                            }
                            var result = method.getGenericReturnType();
                            if (result != void.class && !isRemoteSafe(result)) {
                                events.add(unsafe(api, method, "returns", result));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Module APIs are remote-safe")
                .because("an API that hands out entities or takes callbacks cannot be called over HTTP");
    }

    private static boolean isRemoteSafe(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return EventSamples.isJsonFriendly(parameterized.getActualTypeArguments()[0]);
        }
        return EventSamples.isJsonFriendly(type);
    }

    private static com.tngtech.archunit.lang.ConditionEvent unsafe(
            JavaClass api, Method method, String verb, Type type) {
        return violated(
                api,
                ("%s.%s (%s) %s %s, which cannot cross a process boundary. Fix: use ids and records of plain"
                                + " values")
                        .formatted(
                                api.getName(), method.getName(), HygieneRules.fileOf(api), verb, type.getTypeName()));
    }
}
