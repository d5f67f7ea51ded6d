package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rule 10: no business module knows which topology it runs in. Which modules share a process,
 * and how the others are reached, is decided by configuration read in a shared module; a business
 * module that asked (read the environment, a profile, the topology's own types) would behave
 * differently once extracted, and the tests of one topology would no longer vouch for the other.
 */
public final class TopologyRules {

    /** What a business module must not touch, besides the topology packages given to the rule. */
    static final List<String> ENVIRONMENT_TYPES = List.of(
            "org.springframework.core.env.Environment",
            "org.springframework.core.env.PropertyResolver",
            "org.springframework.context.annotation.Profile",
            "org.springframework.boot.autoconfigure.condition.ConditionalOnProperty",
            "org.springframework.boot.autoconfigure.condition.ConditionalOnBean",
            "org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean",
            "org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate",
            "org.springframework.boot.autoconfigure.condition.ConditionalOnClass",
            "org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass");

    /**
     * Clients of transports between processes: a business module that sends a message or an HTTP
     * request itself has decided where the other side runs.
     */
    static final List<String> TRANSPORTS = List.of(
            "org.springframework.kafka.",
            "org.apache.kafka.",
            "org.springframework.jms.",
            "org.springframework.amqp.",
            "org.springframework.web.client.",
            "org.springframework.web.reactive.function.client.",
            "org.springframework.web.service.invoker.",
            "java.net.http.",
            "java.net.HttpURLConnection",
            "java.net.URLConnection",
            "java.net.Socket",
            "java.net.DatagramSocket",
            "java.nio.channels.SocketChannel",
            // Another program on the host: the module has decided what is installed where it runs.
            "java.lang.ProcessBuilder");

    /**
     * Calls that reach another process: a connection opened from a plain {@code java.net.URL}, a
     * program started by {@code Runtime.exec}.
     */
    static final List<String> REACHING_CALLS =
            List.of("java.net.URL.openConnection", "java.net.URL.openStream", "java.lang.Runtime.exec");

    /**
     * Settings of the process rather than of a module: where the broker or the database is, which
     * profiles are active, how the topology is laid out. A business module that reads one decides
     * by where it is deployed.
     */
    static final List<String> PROCESS_KEYS = List.of(
            "spring.kafka.",
            "spring.rabbitmq.",
            "spring.jms.",
            "spring.artemis.",
            "spring.activemq.",
            "spring.pulsar.",
            "spring.datasource.",
            "spring.profiles.");

    private TopologyRules() {}

    /** The fix for reaching another process through the type: a program of the host, or a transport. */
    private static String fixFor(String type) {
        return type.startsWith("java.lang.")
                ? "do the work in the module's code, or let a shared module (the platform) offer the program"
                        + " behind an interface, so the module does not expect it on its host"
                : "call the other module's API interface or listen to its events; the distribution layer carries"
                        + " them between processes";
    }

    /** Whether the key is a setting of the process ({@link #PROCESS_KEYS}) or names a topology. */
    static boolean isProcessKey(String key) {
        return PROCESS_KEYS.stream()
                        .anyMatch(prefix ->
                                key.startsWith(prefix) || key.equals(prefix.substring(0, prefix.length() - 1)))
                || List.of(key.split("\\.")).contains("topology");
    }

    /**
     * The rules of topology code, for an application whose topology lives in the given packages.
     *
     * @param topologyPackages the packages that decide the topology (ArchUnit package patterns,
     *     such as {@code "..platform.topology.."})
     */
    public static ArchRule businessModulesDoNotKnowTheTopology(ModularApplication app, String... topologyPackages) {
        return classes()
                .that(app.inABusinessModule())
                .should(new ArchCondition<JavaClass>("not depend on the topology or the environment") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getDirectDependenciesFromSelf().stream()
                                .map(dependency -> dependency.getTargetClass().getBaseComponentType())
                                .map(JavaClass::getName)
                                .filter(target -> TRANSPORTS.stream().anyMatch(target::startsWith))
                                .map(target -> target.replaceFirst("\\$.*", ""))
                                .distinct()
                                .sorted()
                                .forEach(target -> events.add(violated(
                                        type,
                                        ("%s (%s) uses %s: it reaches across processes itself. Fix: " + fixFor(target))
                                                .formatted(type.getName(), HygieneRules.fileOf(type), target))));
                        callsTo(type, REACHING_CALLS)
                                .forEach(call -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) calls %s(): it reaches across processes itself. Fix: "
                                                        + fixFor(call.getTargetOwner()
                                                                .getName()))
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        call.getLineNumber(),
                                                        call.getTargetOwner().getSimpleName() + "."
                                                                + call.getName()))));
                        type.getMethodCallsFromSelf().stream()
                                .filter(call -> call.getTargetOwner().isEquivalentTo(System.class)
                                        && (call.getName().equals("getenv")
                                                || call.getName().equals("getProperty")))
                                .forEach(call -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) reads System.%s(): the process's settings, which differ once the"
                                                        + " module is extracted. Fix: let a shared module bind the"
                                                        + " configuration, and inject what the module needs")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        call.getLineNumber(),
                                                        call.getName()))));
                        configurationKeys(app, type).stream()
                                .filter(TopologyRules::isProcessKey)
                                .forEach(key -> events.add(violated(
                                        type,
                                        ("%s (%s) reads %s, a setting of the process it runs in rather than of"
                                                        + " the module. Fix: let a shared module use it, and give the"
                                                        + " module an API or a setting of its own")
                                                .formatted(type.getName(), HygieneRules.fileOf(type), key))));
                        type.getDirectDependenciesFromSelf().stream()
                                .map(dependency -> dependency.getTargetClass().getBaseComponentType())
                                .filter(target -> ENVIRONMENT_TYPES.contains(target.getName())
                                        || isEnvironment(target)
                                        || matchesAny(target.getPackageName(), topologyPackages))
                                .map(JavaClass::getName)
                                .distinct()
                                .forEach(target -> events.add(violated(
                                        type,
                                        "%s (%s) depends on %s. Fix: let configuration in a shared module decide,"
                                                        .formatted(type.getName(), HygieneRules.fileOf(type), target)
                                                + " and depend on the provider's API interface only")));
                    }
                })
                .allowEmptyShould(true)
                .as("No business module knows the topology")
                .because("a module that asks where it runs behaves differently once extracted");
    }

    /**
     * Spring's switches that act on every bean of the process. {@code @EnableConfigurationProperties}
     * (the classes it names) or {@code @EnableJdbcRepositories(basePackageClasses = ...)} (scoped)
     * are a module's own and not listed.
     */
    static final java.util.Set<String> PROCESS_WIDE_SWITCHES = java.util.Set.of(
            "EnableAsync",
            "EnableScheduling",
            "EnableCaching",
            "EnableTransactionManagement",
            "EnableAspectJAutoProxy",
            "EnableWebMvc",
            "EnableWebFlux",
            "EnableWebSecurity",
            "EnableMethodSecurity",
            "EnableGlobalMethodSecurity",
            "EnableKafka",
            "EnableJms",
            "EnableRabbit",
            "EnableRetry",
            "EnableResilientMethods",
            "EnableMBeanExport",
            "EnableLoadTimeWeaving");

    /**
     * JDK calls that change or end the whole process, every module's: its default time zone and
     * locale, its system properties and standard streams, its handlers of last resort, its network
     * and security defaults, and its life.
     */
    static final java.util.Set<String> PROCESS_WIDE_CALLS = java.util.Set.of(
            "java.util.TimeZone.setDefault",
            "java.util.Locale.setDefault",
            "java.lang.System.setProperty",
            "java.lang.System.clearProperty",
            "java.lang.System.setProperties",
            "java.lang.System.setOut",
            "java.lang.System.setErr",
            "java.lang.System.setIn",
            "java.lang.System.exit",
            "java.lang.Runtime.exit",
            "java.lang.Runtime.halt",
            "java.lang.Runtime.addShutdownHook",
            "java.lang.Thread.setDefaultUncaughtExceptionHandler",
            "java.net.URL.setURLStreamHandlerFactory",
            "java.net.CookieHandler.setDefault",
            "java.net.ProxySelector.setDefault",
            "java.net.Authenticator.setDefault",
            "java.net.ResponseCache.setDefault",
            "javax.net.ssl.SSLContext.setDefault",
            "javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory",
            "javax.net.ssl.HttpsURLConnection.setDefaultHostnameVerifier",
            "java.security.Security.addProvider",
            "java.security.Security.insertProviderAt",
            "java.security.Security.removeProvider",
            "java.security.Security.setProperty");

    private static final List<String> ADVICE = List.of(
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice");

    private static final List<String> ADVICE_SCOPES =
            List.of("value", "basePackages", "basePackageClasses", "assignableTypes", "annotations");

    /**
     * A business module declares nothing for the whole process: no Spring {@code @Enable...}
     * switch, no controller advice for every module's controllers, no {@code @Primary} bean of a
     * type it does not own. Each changes the other modules it shares a process with, and leaves
     * with it when it is extracted.
     */
    public static ArchRule modulesDeclareNothingForTheWholeProcess(ModularApplication app) {
        return classes()
                .that(app.inABusinessModule())
                .should(new ArchCondition<JavaClass>("declare nothing for the whole process") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getAnnotations().stream()
                                .map(annotation -> annotation.getRawType())
                                .filter(annotation ->
                                        annotation.getPackageName().startsWith("org.springframework.")
                                                && PROCESS_WIDE_SWITCHES.contains(annotation.getSimpleName()))
                                .forEach(annotation -> events.add(violated(
                                        type,
                                        ("%s (%s) switches @%s on for the whole process, other modules included;"
                                                        + " extracted, the module takes it away from them. Fix: let a"
                                                        + " shared module (the platform) switch it on")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        annotation.getSimpleName()))));
                        callsTo(type, PROCESS_WIDE_CALLS)
                                .forEach(call -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) calls %s.%s, which changes (or ends) the whole process,"
                                                        + " other modules included; extracted, the module takes the"
                                                        + " change away from them. Fix: let a shared module (the"
                                                        + " platform) set it, or pass the value where it is needed"
                                                        + " (a ZoneId, a Locale); fail by throwing, not by exiting")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        call.getLineNumber(),
                                                        call.getTargetOwner().getSimpleName(),
                                                        call.getName()))));
                        type.getAnnotations().stream()
                                .filter(annotation ->
                                        ADVICE.contains(annotation.getRawType().getName()))
                                .filter(annotation -> !scopedTo(app, type, annotation))
                                .forEach(annotation -> events.add(violated(
                                        type,
                                        ("%s (%s) advises every controller of the process (@%s without a scope inside the module),"
                                                        + " other modules' too. Fix: scope it to the module's own"
                                                        + " controllers, basePackageClasses = a class of the module")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        annotation.getRawType().getSimpleName()))));
                        if (type.isAnnotatedWith("org.springframework.context.annotation.Primary")
                                && standsInForAForeignType(app, type)) {
                            events.add(violated(
                                    type,
                                    ("%s (%s) is @Primary for a type the module does not own: every module that"
                                                    + " asks for %s gets it. Fix: give it a @Qualifier for the"
                                                    + " module's own use, or let a shared module decide")
                                            .formatted(
                                                    type.getName(),
                                                    HygieneRules.fileOf(type),
                                                    foreignSupertypes(app, type).get(0))));
                        }
                        type.getMethods().stream()
                                .filter(method -> method.isAnnotatedWith("org.springframework.context.annotation.Bean")
                                        && method.isAnnotatedWith("org.springframework.context.annotation.Primary"))
                                .filter(method -> standsInForAForeignType(app, method.getRawReturnType()))
                                .sorted(java.util.Comparator.comparing(method -> method.getName()))
                                .forEach(method -> events.add(violated(
                                        type,
                                        ("%s (%s) makes %s() the primary %s of the whole process, every module's."
                                                        + " Fix: give it a @Qualifier for the module's own use, or let"
                                                        + " a shared module decide")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        method.getName(),
                                                        foreignSupertypes(app, method.getRawReturnType())
                                                                .get(0)))));
                    }
                })
                .allowEmptyShould(true)
                .as("Modules declare nothing for the whole process")
                .because("what a module switches on for the process changes the modules beside it, and leaves with"
                        + " it");
    }

    /** Supertypes that say nothing about what a bean stands in for. */
    private static final java.util.Set<String> NEUTRAL_SUPERTYPES = java.util.Set.of(
            "java.lang.Object",
            "java.lang.Record",
            "java.lang.Enum",
            "java.io.Serializable",
            "java.lang.Comparable",
            "java.lang.Cloneable");

    /** The type itself if another module or a library owns it, else its supertypes that are. */
    private static List<String> foreignSupertypes(ModularApplication app, JavaClass type) {
        var own = app.moduleOf(type).map(ModularApplication::nameOf);
        return Stream.concat(
                        Stream.of(type),
                        Stream.concat(type.getAllRawSuperclasses().stream(), type.getAllRawInterfaces().stream()))
                .filter(candidate -> !NEUTRAL_SUPERTYPES.contains(candidate.getName()))
                .filter(candidate -> own.isEmpty()
                        || !app.moduleOf(candidate)
                                .map(ModularApplication::nameOf)
                                .equals(own))
                .map(JavaClass::getName)
                .toList();
    }

    /** Whether a primary bean of this type would be what other modules get for a type they ask for. */
    private static boolean standsInForAForeignType(ModularApplication app, JavaClass type) {
        return !foreignSupertypes(app, type).isEmpty();
    }

    /**
     * Whether the advice is limited to the module's own controllers: by types it names, or by
     * packages (named or by class) inside the module.
     */
    private static boolean scopedTo(
            ModularApplication app, JavaClass type, com.tngtech.archunit.core.domain.JavaAnnotation<?> advice) {
        var base = app.moduleOf(type)
                .map(module -> module.getBasePackage().getName())
                .orElse("");
        var packages = new ArrayList<String>();
        var explicit = false;
        for (var scope : ADVICE_SCOPES) {
            var value = advice.get(scope).orElse(null);
            if (!(value instanceof Object[] values) || values.length == 0) {
                continue;
            }
            if (scope.equals("assignableTypes") || scope.equals("annotations")) {
                explicit = true;
            }
            for (var item : values) {
                if (item instanceof JavaClass named) {
                    if (scope.equals("basePackageClasses")) {
                        packages.add(named.getPackageName());
                    }
                } else {
                    packages.add(String.valueOf(item));
                }
            }
        }
        if (packages.isEmpty()) {
            return explicit;
        }
        return packages.stream().allMatch(name -> name.equals(base) || name.startsWith(base + "."));
    }

    static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";

    /** The key of a {@code ${key}} or {@code ${key:default}} placeholder. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    /**
     * The key a SpEL expression reads from the environment: {@code #{environment['key']}}, {@code
     * #{@environment.getProperty('key')}} (and {@code getRequiredProperty}, {@code containsProperty}).
     */
    private static final Pattern ENVIRONMENT_LOOKUP = Pattern.compile(
            "\\benvironment\\s*(?:\\[\\s*|\\.\\s*(?:getProperty|getRequiredProperty|containsProperty)\\s*\\(\\s*)'([^']+)'");

    /**
     * A business module reads only configuration of its own: no {@code @ConfigurationProperties}
     * prefix or {@code @Value} placeholder of one of its classes names another business module
     * (as a dot-separated part of the key, {@code shop.billing.grace-period}). Once the other module
     * is extracted, its settings go with it, and the reader silently falls back to a default.
     */
    public static ArchRule modulesReadOnlyTheirOwnConfiguration(ModularApplication app) {
        return classes()
                .that(app.inABusinessModule())
                .should(new ArchCondition<JavaClass>("read only its own module's configuration") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        var own = app.moduleOf(type)
                                .map(ModularApplication::nameOf)
                                .orElseThrow();
                        var others = app.modules().stream()
                                .filter(module -> !app.isShared(module))
                                .map(ModularApplication::nameOf)
                                .filter(name -> !name.equals(own))
                                .toList();
                        configurationKeys(app, type).stream()
                                .sorted()
                                .forEach(key -> others.stream()
                                        .filter(other -> namesBefore(key, own).contains(other))
                                        .forEach(other -> events.add(violated(
                                                type,
                                                ("%s (%s) reads the %s module's configuration (%s): once %s is extracted, its"
                                                                + " settings go with it. Fix: ask the %s module's API for what you"
                                                                + " need, or give %s a setting of its own")
                                                        .formatted(
                                                                type.getName(),
                                                                HygieneRules.fileOf(type),
                                                                other,
                                                                key,
                                                                other,
                                                                other,
                                                                own)))));
                    }
                })
                .allowEmptyShould(true)
                .as("Modules read only their own configuration")
                .because("a module's settings move with it when it is extracted");
    }

    /**
     * The dot-separated parts of the key up to the reading module's own name: after its own prefix
     * ({@code seams.notifications.shipping.subject} read in notifications), a module's name is the
     * reader's own word for something, not the other module's setting.
     */
    private static List<String> namesBefore(String key, String own) {
        var parts = List.of(key.split("\\."));
        var at = parts.indexOf(own);
        return at < 0 ? parts : parts.subList(0, at);
    }

    /** The environment's types, which read the process's settings: {@code Environment}, {@code PropertyResolver}. */
    private static final String PROPERTY_RESOLVER = "org.springframework.core.env.PropertyResolver";

    /**
     * Whether the type is the environment however it is reached: {@code ConfigurableEnvironment},
     * {@code StandardEnvironment} and the like are an {@code Environment}, a {@code PropertyResolver}.
     */
    private static boolean isEnvironment(JavaClass type) {
        return type.isAssignableTo(PROPERTY_RESOLVER);
    }

    /** The methods of the environment that read a key. */
    private static final Set<String> PROPERTY_READS = Set.of("getProperty", "getRequiredProperty", "containsProperty");

    /** A key given as a literal to one of {@link #PROPERTY_READS}, not {@code System.getProperty}. */
    private static final Pattern PROPERTY_READ = Pattern.compile(
            "(?<!System)\\.\\s*(?:getProperty|getRequiredProperty|containsProperty)\\s*\\(\\s*\"([^\"\\\\]+)\"");

    /**
     * The keys the class binds or reads ({@link #configurationKeys(JavaClass)}), and those it reads
     * from the environment by a literal ({@code environment.getProperty("shop.billing.x")}), found
     * in its source when it calls the environment.
     */
    static Set<String> configurationKeys(ModularApplication app, JavaClass type) {
        var keys = configurationKeys(type);
        var readsTheEnvironment = type.getMethodCallsFromSelf().stream()
                .anyMatch(call -> PROPERTY_READS.contains(call.getName()) && isEnvironment(call.getTargetOwner()));
        if (readsTheEnvironment) {
            HygieneRules.sourceOf(app, type).ifPresent(file -> {
                try {
                    PROPERTY_READ
                            .matcher(java.nio.file.Files.readString(file))
                            .results()
                            .forEach(found -> keys.add(found.group(1).trim()));
                } catch (java.io.IOException | RuntimeException unreadable) {
                    // The annotations' keys alone.
                }
            });
        }
        return keys;
    }

    /**
     * The keys the class binds or reads: {@code @ConfigurationProperties} prefixes on it and its
     * {@code @Bean} methods, and the placeholders in the text of any annotation on it, its fields,
     * methods and parameters ({@code @Value}, {@code @Scheduled(fixedDelayString = ...)}, ...), and
     * the keys their SpEL expressions read from the environment ({@code #{environment['key']}}).
     */
    static Set<String> configurationKeys(JavaClass type) {
        var keys = new TreeSet<String>();
        Stream.concat(Stream.of(type), type.getMethods().stream())
                .flatMap(annotated -> annotated.getAnnotations().stream())
                .filter(annotation -> annotation.getRawType().getName().equals(CONFIGURATION_PROPERTIES))
                .flatMap(annotation -> Stream.of("value", "prefix").flatMap(name -> annotation.get(name).stream()))
                .map(String::valueOf)
                .filter(prefix -> !prefix.isBlank())
                .forEach(keys::add);
        var annotations = Stream.of(
                        type.getAnnotations().stream(),
                        type.getFields().stream().flatMap(field -> field.getAnnotations().stream()),
                        type.getCodeUnits().stream().flatMap(unit -> unit.getAnnotations().stream()),
                        type.getCodeUnits().stream()
                                .flatMap(unit -> unit.getParameters().stream())
                                .flatMap(parameter -> parameter.getAnnotations().stream()))
                .flatMap(found -> found)
                .toList();
        // Placeholders in any annotation's text: @Value, and @Scheduled(fixedDelayString = "${...}"),
        // @KafkaListener(topics = "${...}") and the like.
        annotations.stream()
                .flatMap(annotation -> annotation.getProperties().values().stream())
                .flatMap(TopologyRules::texts)
                .forEach(expression -> Stream.of(PLACEHOLDER, ENVIRONMENT_LOOKUP)
                        .flatMap(pattern -> pattern.matcher(expression).results())
                        .forEach(found -> keys.add(found.group(1).trim())));
        return keys;
    }

    /** The text in an annotation property's value: a string, or the strings of an array. */
    private static Stream<String> texts(Object value) {
        if (value instanceof String text) {
            return Stream.of(text);
        }
        if (value instanceof Object[] values) {
            return Stream.of(values).flatMap(TopologyRules::texts);
        }
        return Stream.empty();
    }

    private static boolean matchesAny(String packageName, String... patterns) {
        for (var pattern : patterns) {
            if (com.tngtech.archunit.core.domain.PackageMatcher.of(pattern).matches(packageName)) {
                return true;
            }
        }
        return false;
    }

    /** The calls {@code type} makes to any of {@code methods}, each named {@code Owner.method}. */
    private static Stream<JavaMethodCall> callsTo(JavaClass type, Collection<String> methods) {
        return type.getMethodCallsFromSelf().stream()
                .filter(call -> methods.contains(call.getTargetOwner().getName() + "." + call.getName()));
    }
}
