package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rule 7: no synchronous call into another module's API while a transaction is open. When the
 * other module becomes a remote service, such a call holds a database transaction open across
 * the network, and its effects cannot be rolled back with the transaction.
 *
 * <p>A method opens a transaction when it, its class or a superclass of it is annotated with
 * Spring's or Jakarta's {@code @Transactional}, or when it is a transactional event listener
 * ({@code @ApplicationModuleListener}, or a {@code @TransactionalEventListener} that is not
 * {@code @Async}, or is {@code @Transactional} too); a transaction declared
 * in code is the lambda passed to {@code TransactionTemplate} / {@code TransactionOperations}
 * {@code execute} or {@code executeWithoutResult}, or the lines between a {@code
 * PlatformTransactionManager}'s {@code getTransaction} and its {@code commit} or {@code rollback}.
 * Calls from private
 * helpers and lambdas of the same class that such a method reaches count as well, and so do the
 * calls of the other classes of the same module it calls (a helper bean, an interface's
 * implementation), followed {@value #DEPTH} levels deep, except into methods that open a
 * transaction or are allowed themselves (they are checked on their own). Another module's API is
 * an interface in its API packages (base package, named interfaces) or an API class there
 * ({@link ModularApplication#isApiClass}: a public {@code @Service} or {@code @Component}). A shared
 * module ({@code @Modulithic(sharedModules = ...)}) is embedded in every deployable, so a call
 * into it never becomes remote and is not concerned. A call that is
 * fine (a read whose staleness does not matter) is allowed by annotating the calling method with
 * the annotation given to the rule, which must carry a reason.
 */
public final class TransactionRules {

    private static final List<String> TRANSACTIONAL = List.of(
            "org.springframework.transaction.annotation.Transactional",
            "jakarta.transaction.Transactional",
            "org.springframework.modulith.events.ApplicationModuleListener");

    /**
     * Runs in the publisher's transaction synchronisation unless {@code @Async}; an asynchronous one
     * opens a transaction only when it is {@code @Transactional} too (as {@code
     * ApplicationModuleListener} is).
     */
    private static final String TRANSACTIONAL_LISTENER =
            "org.springframework.transaction.event.TransactionalEventListener";

    /** Propagations that open no transaction of their own (Spring's and Jakarta's names agree). */
    private static final Set<String> OPENS_NONE = Set.of("NOT_SUPPORTED", "NEVER", "SUPPORTS");

    private TransactionRules() {}

    /**
     * The propagation that a {@code @Transactional} (Spring's {@code propagation}, Jakarta's {@code
     * value}) or {@code @ApplicationModuleListener} written on the element declares, if one is.
     */
    private static java.util.Optional<String> propagationOf(
            com.tngtech.archunit.core.domain.properties.HasAnnotations<?> element) {
        return element.getAnnotations().stream()
                .filter(annotation ->
                        TRANSACTIONAL.contains(annotation.getRawType().getName()))
                .flatMap(annotation -> annotation.get("propagation").or(() -> annotation.get("value")).stream())
                .filter(com.tngtech.archunit.core.domain.JavaEnumConstant.class::isInstance)
                .map(constant -> ((com.tngtech.archunit.core.domain.JavaEnumConstant) constant).name())
                .findFirst();
    }

    /**
     * No call into another module's API (interface or API class) inside a transaction, except from
     * methods annotated with {@code allowedAnnotation}.
     */
    public static ArchRule noCallsToOtherModulesInTransactions(ModularApplication app, String allowedAnnotation) {
        return noCallsToOtherModulesInTransactions(app, allowedAnnotation, List.of());
    }

    /**
     * The same, where methods annotated with any of {@code moreTransactionAnnotations} (fully
     * qualified names) also open a transaction.
     */
    public static ArchRule noCallsToOtherModulesInTransactions(
            ModularApplication app, String allowedAnnotation, List<String> moreTransactionAnnotations) {
        var fix = allowedAnnotation.isBlank()
                ? ""
                : ", or mark the method @" + simpleName(allowedAnnotation) + " with a reason";
        return methods()
                .that(opensATransaction(moreTransactionAnnotations))
                .and(DescribedPredicate.describe(
                        "are not allowed explicitly", method -> !isAllowed(method, allowedAnnotation)))
                .should(new ArchCondition<JavaMethod>("not call another module's API") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        callsToOtherModules(app, method, moreTransactionAnnotations, allowedAnnotation)
                                .forEach(reached -> events.add(violated(
                                        method,
                                        ("%s calls %s.%s inside a transaction %s%s. Fix: call it before the"
                                                        + " transaction starts or react to an event instead%s"
                                                        + blankReason(method, allowedAnnotation))
                                                .formatted(
                                                        method.getFullName(),
                                                        reached.call()
                                                                .getTargetOwner()
                                                                .getSimpleName(),
                                                        reached.call().getName(),
                                                        reached.call().getSourceCodeLocation(),
                                                        reached.through(),
                                                        fix))));
                    }
                })
                .allowEmptyShould(true)
                .as("No calls to other modules inside transactions")
                .because("a call that becomes remote must not hold a transaction open, nor half-commit");
    }

    /**
     * Whether the method carries {@code allowedAnnotation} with a reason: an exception whose
     * {@code reason} (or {@code value}) is blank explains nothing, and allows nothing.
     */
    private static boolean isAllowed(JavaCodeUnit method, String allowedAnnotation) {
        if (allowedAnnotation.isBlank()) {
            return false;
        }
        return method.tryGetAnnotationOfType(allowedAnnotation)
                .map(annotation -> java.util.stream.Stream.of("reason", "value")
                        .map(annotation::get)
                        .flatMap(java.util.Optional::stream)
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .noneMatch(String::isBlank))
                .orElse(false);
    }

    /** What to say when the method carries the allowing annotation with a blank reason. */
    private static String blankReason(JavaMethod method, String allowedAnnotation) {
        return !allowedAnnotation.isBlank() && method.isAnnotatedWith(allowedAnnotation)
                ? " (its @" + simpleName(allowedAnnotation) + " gives none, so it allows nothing)"
                : "";
    }

    /** The calls the rule lets through because their method carries {@code allowedAnnotation}. */
    public static List<String> allowedCallsInTransactions(ModularApplication app, String allowedAnnotation) {
        var allowed = new ArrayList<String>();
        app.classes().stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> opensATransaction(List.of()).test(method) && isAllowed(method, allowedAnnotation))
                .forEach(method -> callsToOtherModules(app, method, List.of(), "")
                        .forEach(reached -> allowed.add("%s -> %s.%s"
                                .formatted(
                                        method.getFullName(),
                                        reached.call().getTargetOwner().getSimpleName(),
                                        reached.call().getName()))));
        return allowed;
    }

    private static final String EVENT_LISTENER = "org.springframework.context.event.EventListener";
    private static final String TRANSACTIONAL_EVENT_LISTENER =
            "org.springframework.transaction.event.TransactionalEventListener";
    private static final String MODULE_LISTENER = "org.springframework.modulith.events.ApplicationModuleListener";
    private static final String ASYNC = "org.springframework.scheduling.annotation.Async";

    /**
     * A listener to another module's event runs after the publisher's transaction, in a thread of
     * its own: it is an {@code @ApplicationModuleListener}, or an {@code @Async}
     * {@code @TransactionalEventListener}. A plain {@code @EventListener} (or a synchronous
     * transactional one) runs inside the publisher's call, the coupling the event publication
     * registry exists to avoid. Listeners to their own module's events, to a shared module's events
     * and to framework events ({@code ApplicationReadyEvent}) are not concerned.
     */
    public static ArchRule listenersToOtherModulesAreAsynchronous(ModularApplication app) {
        var shared = app.modules().getSharedModules().stream()
                .map(ModularApplication::nameOf)
                .collect(java.util.stream.Collectors.toSet());
        return methods()
                .that(DescribedPredicate.describe("listen to events", TransactionRules::isEventListener))
                .should(new ArchCondition<JavaMethod>("run after the publisher's transaction, asynchronously") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (method.isAnnotatedWith(MODULE_LISTENER)
                                || (method.isAnnotatedWith(TRANSACTIONAL_EVENT_LISTENER)
                                        && (method.isAnnotatedWith(ASYNC)
                                                || method.getOwner().isAnnotatedWith(ASYNC)))) {
                            return;
                        }
                        var own = app.moduleOf(method.getOwner()).map(ModularApplication::nameOf);
                        var when = method.isAnnotatedWith(ASYNC)
                                        || method.getOwner().isAnnotatedWith(ASYNC)
                                ? "on another thread but before the publisher's transaction commits (it acts"
                                        + " on events whose transaction may still roll back)"
                                : "synchronously, inside the publisher's transaction";
                        if (own.filter(module -> !shared.contains(module)).isPresent()) {
                            listenedTypes(method).stream()
                                    .filter(type -> CATCH_ALL_EVENTS.contains(type.getName())
                                            || otherModulesEventOf(app, shared, own.get(), type)
                                                    .isPresent())
                                    .filter(type -> app.moduleOf(type).isEmpty())
                                    .forEach(type -> events.add(violated(
                                            method,
                                            ("%s (%s) listens to %s %s, and that receives other modules'"
                                                            + " events too%s. Fix: listen to each event type"
                                                            + " with an @ApplicationModuleListener method")
                                                    .formatted(
                                                            method.getFullName(),
                                                            HygieneRules.fileOf(method.getOwner()),
                                                            type.getSimpleName(),
                                                            when,
                                                            otherModulesEventOf(app, shared, own.get(), type)
                                                                    .map(event -> " (" + event.getName() + ")")
                                                                    .orElse("")))));
                        }
                        listenedTypes(method).stream()
                                .filter(type -> app.moduleOf(type)
                                        .map(ModularApplication::nameOf)
                                        .filter(module -> !shared.contains(module))
                                        .filter(module -> !own.equals(java.util.Optional.of(module)))
                                        .isPresent())
                                .forEach(type -> events.add(violated(
                                        method,
                                        ("%s (%s) listens to %s of module '%s' %s. Fix: annotate it"
                                                        + " @ApplicationModuleListener (or @Async"
                                                        + " @TransactionalEventListener)")
                                                .formatted(
                                                        method.getFullName(),
                                                        HygieneRules.fileOf(method.getOwner()),
                                                        type.getSimpleName(),
                                                        app.moduleOf(type)
                                                                .map(ModularApplication::nameOf)
                                                                .orElse("?"),
                                                        when))));
                    }
                })
                .allowEmptyShould(true)
                .as("Listeners to other modules' events are asynchronous")
                .because("a synchronous listener joins the publisher's transaction: its failure rolls the"
                        + " publisher back, and the module cannot be moved out");
    }

    /** Event types that receive every event published in the process, whichever module it comes from. */
    private static final Set<String> CATCH_ALL_EVENTS = Set.of(
            Object.class.getName(),
            // Every record, every serializable value: any module's events.
            "java.lang.Record",
            "java.io.Serializable",
            "org.springframework.context.ApplicationEvent",
            "org.springframework.context.PayloadApplicationEvent");

    /** A class of another business module that a listener of this supertype would receive, if any. */
    private static java.util.Optional<JavaClass> otherModulesEventOf(
            ModularApplication app, Set<String> shared, String own, JavaClass type) {
        if (type.isPrimitive() || type.getName().startsWith("java.")) {
            return java.util.Optional.empty();
        }
        return app.classes().stream()
                .filter(candidate -> !candidate.equals(type) && candidate.isAssignableTo(type.getName()))
                .filter(candidate -> app.moduleOf(candidate)
                        .map(ModularApplication::nameOf)
                        .filter(module -> !shared.contains(module) && !module.equals(own))
                        .isPresent())
                .min(java.util.Comparator.comparing(JavaClass::getName));
    }

    /**
     * A class of a business module that implements {@code ApplicationListener} listens synchronously,
     * inside the publisher's transaction, to whatever its type argument lets through: in Spring,
     * every published object, other modules' events among them, is an {@code ApplicationEvent}.
     */
    private static final String APPLICATION_LISTENER = "org.springframework.context.ApplicationListener";

    public static ArchRule noApplicationListenersInModules(ModularApplication app) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that(app.inABusinessModule())
                .should(new ArchCondition<JavaClass>("not implement ApplicationListener") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (type.isAssignableTo(APPLICATION_LISTENER)) {
                            events.add(violated(
                                    type,
                                    ("%s (%s) implements ApplicationListener: it runs synchronously, inside the"
                                                    + " publisher's transaction. Fix: listen with an"
                                                    + " @ApplicationModuleListener method instead")
                                            .formatted(type.getName(), HygieneRules.fileOf(type))));
                        }
                        // A listener made from a lambda is no class of its own: @Bean ApplicationListener<...>
                        // methods, and ApplicationListener.forPayload(...).
                        type.getMethods().stream()
                                .filter(method -> method.getRawReturnType().isAssignableTo(APPLICATION_LISTENER))
                                .filter(method -> method.isAnnotatedWith("org.springframework.context.annotation.Bean"))
                                .forEach(method -> events.add(violated(
                                        type,
                                        ("%s (%s) declares the bean %s(), an ApplicationListener: it runs"
                                                        + " synchronously, inside the publisher's transaction. Fix:"
                                                        + " listen with an @ApplicationModuleListener method instead")
                                                .formatted(
                                                        type.getName(), HygieneRules.fileOf(type), method.getName()))));
                        type.getMethodCallsFromSelf().stream()
                                .filter(call -> call.getTargetOwner().getName().equals(APPLICATION_LISTENER)
                                        && call.getName().equals("forPayload"))
                                .forEach(call -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) makes a listener with ApplicationListener.forPayload: it runs"
                                                        + " synchronously, inside the publisher's transaction. Fix:"
                                                        + " listen with an @ApplicationModuleListener method instead")
                                                .formatted(
                                                        type.getName(),
                                                        HygieneRules.fileOf(type),
                                                        call.getLineNumber()))));
                    }
                })
                .allowEmptyShould(true)
                .as("Business modules implement no ApplicationListener")
                .because("a listener interface is the synchronous listener the event publication registry exists"
                        + " to avoid, without an annotation a rule could read");
    }

    static boolean isEventListener(JavaMethod method) {
        return method.isAnnotatedWith(EVENT_LISTENER)
                || method.isAnnotatedWith(TRANSACTIONAL_EVENT_LISTENER)
                || method.isAnnotatedWith(MODULE_LISTENER)
                || method.isMetaAnnotatedWith(EVENT_LISTENER);
    }

    /** The event types a listener takes: its parameter, or the classes named in its annotation. */
    static List<com.tngtech.archunit.core.domain.JavaClass> listenedTypes(JavaMethod method) {
        var types = new ArrayList<com.tngtech.archunit.core.domain.JavaClass>(method.getRawParameterTypes());
        for (var annotationType : List.of(EVENT_LISTENER, TRANSACTIONAL_EVENT_LISTENER)) {
            method.tryGetAnnotationOfType(annotationType).ifPresent(annotation -> {
                for (var attribute : List.of("value", "classes")) {
                    annotation.get(attribute).ifPresent(value -> {
                        if (value instanceof com.tngtech.archunit.core.domain.JavaClass[] classes) {
                            types.addAll(List.of(classes));
                        }
                    });
                }
            });
        }
        return types;
    }

    private static DescribedPredicate<JavaMethod> opensATransaction(List<String> moreAnnotations) {
        return DescribedPredicate.describe(
                "open a transaction",
                method -> isAnnotatedTransactional(method, moreAnnotations)
                        || !transactionBlockLines(method).isEmpty()
                        || handDrivenTransaction(method).isPresent());
    }

    /**
     * Whether the method runs in a transaction by annotation: on it or its class, directly or through
     * an annotation of the team's own ({@code @UseCase} meta-annotated {@code @Transactional}), or on
     * the interface method it implements.
     */
    private static boolean isAnnotatedTransactional(JavaMethod method, List<String> moreAnnotations) {
        if (method.isMetaAnnotatedWith(TRANSACTIONAL_LISTENER) && !method.isMetaAnnotatedWith(ASYNC)) {
            return true;
        }
        if (runsInThePublishersTransaction(method)) {
            return true;
        }
        var onMethod = propagationOf(method);
        if (onMethod.isPresent()
                ? OPENS_NONE.contains(onMethod.get())
                : propagationOf(method.getOwner()).filter(OPENS_NONE::contains).isPresent()) {
            // @Transactional(propagation = NOT_SUPPORTED), @ApplicationModuleListener(propagation =
            // NOT_SUPPORTED): the method runs outside any transaction, or only joins its caller's.
            return false;
        }
        return Stream.concat(TRANSACTIONAL.stream(), moreAnnotations.stream())
                .anyMatch(annotation -> method.isMetaAnnotatedWith(annotation)
                        || method.getOwner().isMetaAnnotatedWith(annotation)
                        // Spring's @Transactional is @Inherited: a base class's applies to its subclasses.
                        || method.getOwner().getAllRawSuperclasses().stream()
                                .anyMatch(superclass -> superclass.isMetaAnnotatedWith(annotation))
                        || method.getOwner().getAllRawInterfaces().stream()
                                .flatMap(type -> type
                                        .tryGetMethod(
                                                method.getName(),
                                                method.getRawParameterTypes().stream()
                                                        .map(JavaClass::getName)
                                                        .toArray(String[]::new))
                                        .stream())
                                .anyMatch(declared -> declared.isMetaAnnotatedWith(annotation)));
    }

    /**
     * A plain synchronous {@code @EventListener} of a module event: it runs in the publisher's
     * thread, inside the transaction that saved the aggregate and published the event.
     */
    private static boolean runsInThePublishersTransaction(JavaMethod method) {
        return method.isMetaAnnotatedWith(EVENT_LISTENER)
                && !method.isMetaAnnotatedWith(TRANSACTIONAL_LISTENER)
                && !method.isMetaAnnotatedWith(ASYNC)
                && !method.getOwner().isMetaAnnotatedWith(ASYNC)
                && listenedTypes(method).stream().anyMatch(ModuleEvents::isEvent);
    }

    private static final String TRANSACTION_OPERATIONS =
            "org.springframework.transaction.support.TransactionOperations";
    private static final Set<String> TRANSACTION_BLOCKS = Set.of("execute", "executeWithoutResult");

    /**
     * The lines where the method runs a transaction declared in code:
     * {@code TransactionTemplate.execute(...)} or {@code executeWithoutResult(...)}.
     */
    private static List<Integer> transactionBlockLines(JavaCodeUnit method) {
        return method.getMethodCallsFromSelf().stream()
                .filter(call -> !call.isDeclaredInLambda())
                .filter(call -> TRANSACTION_BLOCKS.contains(call.getName())
                        && call.getTargetOwner().isAssignableTo(TRANSACTION_OPERATIONS))
                .map(JavaMethodCall::getLineNumber)
                .toList();
    }

    private static final String TRANSACTION_MANAGER = "org.springframework.transaction.PlatformTransactionManager";

    /**
     * The lines a transaction the method drives itself spans: from its first {@code
     * PlatformTransactionManager.getTransaction(...)} to its last {@code commit} or {@code rollback}
     * (to the end of the method when it ends the transaction elsewhere).
     */
    private static java.util.Optional<int[]> handDrivenTransaction(JavaCodeUnit method) {
        var calls = method.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().isAssignableTo(TRANSACTION_MANAGER))
                .toList();
        var begins = calls.stream()
                .filter(call -> call.getName().equals("getTransaction"))
                .mapToInt(JavaMethodCall::getLineNumber)
                .min();
        if (begins.isEmpty()) {
            return java.util.Optional.empty();
        }
        var ends = calls.stream()
                .filter(call ->
                        call.getName().equals("commit") || call.getName().equals("rollback"))
                .mapToInt(JavaMethodCall::getLineNumber)
                .max()
                .orElse(Integer.MAX_VALUE);
        return java.util.Optional.of(new int[] {begins.getAsInt(), ends});
    }

    /**
     * The calls made inside the transaction: every call of an annotated method; of a method using
     * a {@code TransactionTemplate}, the calls in lambdas from the first {@code execute} line on
     * (ArchUnit does not tell which lambda is passed to which call, so a lambda written after the
     * block counts as inside it).
     */
    private static Stream<JavaCodeUnitAccess<?>> callsInTransaction(JavaMethod method, List<String> moreAnnotations) {
        if (isAnnotatedTransactional(method, moreAnnotations)) {
            return reachableInSameClass(method).stream().flatMap(TransactionRules::invocationsOf);
        }
        var driven = handDrivenTransaction(method);
        if (driven.isPresent()) {
            var span = driven.get();
            return withSameClassHelpers(
                    method,
                    invocationsOf(method)
                            .filter(call -> call.getLineNumber() > span[0] && call.getLineNumber() < span[1])
                            .toList());
        }
        var first = transactionBlockLines(method).stream()
                .mapToInt(Integer::intValue)
                .min()
                .orElse(Integer.MAX_VALUE);
        var blocks = transactionBlockLines(method);
        var inBlocks = invocationsOf(method)
                .filter(call -> (call.isDeclaredInLambda() && call.getLineNumber() >= first)
                        // transactions.execute(this::reprice): the reference is the block's callback.
                        || (call instanceof com.tngtech.archunit.core.domain.JavaMethodReference
                                && blocks.contains(call.getLineNumber())));
        // transactions.execute(new TransactionCallback<>() { ... }): what the anonymous callback calls.
        var inCallbacks = method.getConstructorCallsFromSelf().stream()
                .filter(call -> call.getLineNumber() >= first)
                .map(call -> call.getTargetOwner())
                .filter(JavaClass::isAnonymousClass)
                .distinct()
                .flatMap(callback -> callback.getMethods().stream())
                .flatMap(callback -> reachableInSameClass(callback).stream())
                .flatMap(TransactionRules::invocationsOf);
        return withSameClassHelpers(method, Stream.concat(inBlocks, inCallbacks).toList());
    }

    /** The calls, and what the private helpers of the method's own class that they call invoke. */
    private static Stream<JavaCodeUnitAccess<?>> withSameClassHelpers(
            JavaMethod method, List<JavaCodeUnitAccess<?>> calls) {
        var helpers = calls.stream()
                .filter(call -> call.getTargetOwner().equals(method.getOwner()))
                .flatMap(call -> call.getTarget().resolveMember().stream())
                .filter(JavaMethod.class::isInstance)
                .map(JavaMethod.class::cast)
                .flatMap(helper -> reachableInSameClass(helper).stream())
                .flatMap(TransactionRules::invocationsOf);
        return Stream.concat(calls.stream(), helpers);
    }

    /**
     * What a method or lambda invokes: its calls, and its method references
     * ({@code .map(customers::addressOf)}), which call when the stream or callback runs.
     */
    private static Stream<JavaCodeUnitAccess<?>> invocationsOf(JavaCodeUnit unit) {
        return Stream.of(
                        unit.getMethodCallsFromSelf().stream(),
                        unit.getMethodReferencesFromSelf().stream(),
                        referencesAppliedThroughFields(unit))
                .flatMap(invocations -> invocations);
    }

    /**
     * The method references that a unit runs through a field of its class holding a function: the
     * field is read and called on the same line ({@code currentAddress.apply(id)}), and the class
     * assigns it a method reference ({@code currentAddress = customers::shippingAddressOf}, in its
     * constructor); the reference is called where the field's function is applied.
     */
    private static Stream<JavaCodeUnitAccess<?>> referencesAppliedThroughFields(JavaCodeUnit unit) {
        var owner = unit.getOwner();
        var applied = new java.util.LinkedHashSet<String>();
        for (var read : unit.getFieldAccesses()) {
            if (read.getAccessType() != com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType.GET
                    || !read.getTargetOwner().equals(owner)) {
                continue;
            }
            read.getTarget()
                    .resolveMember()
                    .filter(field -> field.getRawType().isInterface()
                            && unit.getMethodCallsFromSelf().stream()
                                    .anyMatch(call -> call.getLineNumber() == read.getLineNumber()
                                            && field.getRawType()
                                                    .isAssignableTo(call.getTargetOwner()
                                                            .getName())))
                    .ifPresent(field -> applied.add(field.getName()));
        }
        if (applied.isEmpty()) {
            return Stream.empty();
        }
        return owner.getCodeUnits().stream()
                .flatMap(code -> code.getFieldAccesses().stream()
                        .filter(write ->
                                write.getAccessType() == com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType.SET
                                        && write.getTargetOwner().equals(owner)
                                        && applied.contains(write.getTarget().getName()))
                        .flatMap(write -> code.getMethodReferencesFromSelf().stream()
                                .filter(reference -> reference.getLineNumber() == write.getLineNumber())));
    }

    /** How deep the rule follows calls into other classes of the calling module. */
    static final int DEPTH = 3;

    /**
     * A call into another module's API made inside a transaction.
     *
     * @param call the call into the other module
     * @param via the methods of the calling module it goes through, from the transactional method on
     */
    private record Reached(JavaCodeUnitAccess<?> call, List<String> via) {

        String through() {
            return via.isEmpty() ? "" : ", through " + String.join(" -> ", via);
        }
    }

    private static Stream<Reached> callsToOtherModules(
            ModularApplication app, JavaMethod method, List<String> moreAnnotations, String allowedAnnotation) {
        var own =
                app.moduleOf(method.getOwner()).map(ModularApplication::nameOf).orElse("");
        var reached = new java.util.LinkedHashMap<JavaCodeUnitAccess<?>, Reached>();
        var visited = new HashSet<JavaCodeUnit>(List.of(method));
        follow(
                app,
                own,
                callsInTransaction(method, moreAnnotations).toList(),
                List.of(),
                visited,
                reached,
                moreAnnotations,
                allowedAnnotation);
        return reached.values().stream();
    }

    /**
     * Reports the calls into other modules' APIs among {@code calls}, and follows the calls into
     * other classes of the same module (helper beans, their interfaces' implementations) up to
     * {@link #DEPTH} levels, unless the method called opens a transaction itself or carries the
     * allowed annotation (then it is checked, or allowed, on its own).
     */
    private static void follow(
            ModularApplication app,
            String own,
            List<JavaCodeUnitAccess<?>> calls,
            List<String> via,
            Set<JavaCodeUnit> visited,
            java.util.Map<JavaCodeUnitAccess<?>, Reached> reached,
            List<String> moreAnnotations,
            String allowedAnnotation) {
        for (var call : calls) {
            var target = call.getTargetOwner();
            var module = app.moduleOf(target).map(ModularApplication::nameOf);
            if (module.isEmpty()) {
                continue;
            }
            if (!module.get().equals(own)) {
                if ((target.isInterface() || app.isApiClass(target))
                        && app.isExposed(target)
                        && !app.isInSharedModule(target)) {
                    reached.putIfAbsent(call, new Reached(call, via));
                }
                continue;
            }
            if (via.size() >= DEPTH || target.equals(call.getOriginOwner())) {
                continue;
            }
            for (var next : implementationsOf(call)) {
                if (!visited.add(next)
                        || isAnnotatedTransactional(next, moreAnnotations)
                        || isAllowed(next, allowedAnnotation)) {
                    continue;
                }
                var deeper = new ArrayList<>(via);
                deeper.add(next.getOwner().getSimpleName() + "." + next.getName());
                follow(
                        app,
                        own,
                        reachableInSameClass(next).stream()
                                .flatMap(TransactionRules::invocationsOf)
                                .toList(),
                        deeper,
                        visited,
                        reached,
                        moreAnnotations,
                        allowedAnnotation);
            }
        }
    }

    /** The method a call runs: the method itself, or, called on an interface, its implementations'. */
    private static List<JavaMethod> implementationsOf(JavaCodeUnitAccess<?> call) {
        var methods = new ArrayList<JavaMethod>();
        call.getTarget()
                .resolveMember()
                .filter(JavaMethod.class::isInstance)
                .map(JavaMethod.class::cast)
                .ifPresent(method -> {
                    if (!method.getOwner().isInterface()) {
                        methods.add(method);
                        return;
                    }
                    var parameters = method.getRawParameterTypes().stream()
                            .map(com.tngtech.archunit.core.domain.JavaClass::getName)
                            .toArray(String[]::new);
                    method.getOwner().getAllSubclasses().stream()
                            .filter(type -> !type.isInterface())
                            .forEach(type -> type.tryGetMethod(method.getName(), parameters)
                                    .ifPresent(methods::add));
                });
        return methods;
    }

    /** The method and the private helpers and lambdas of its class that it reaches. */
    private static Set<JavaCodeUnit> reachableInSameClass(JavaMethod start) {
        var reached = new HashSet<JavaCodeUnit>();
        var pending = new ArrayList<JavaCodeUnit>(List.of(start));
        while (!pending.isEmpty()) {
            var unit = pending.remove(pending.size() - 1);
            if (!reached.add(unit)) {
                continue;
            }
            unit.getCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().equals(start.getOwner()))
                    .forEach(call -> call.getTarget().resolveMember().ifPresent(pending::add));
            start.getOwner().getCodeUnits().stream()
                    .filter(candidate -> candidate.getName().startsWith("lambda$" + unit.getName() + "$"))
                    .forEach(pending::add);
        }
        return reached;
    }

    private static String simpleName(String annotation) {
        return annotation.substring(annotation.lastIndexOf('.') + 1);
    }
}
