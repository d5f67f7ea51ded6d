package io.seams.fitness;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Rule 9: hygiene that matters for extraction. */
public final class HygieneRules {

    private HygieneRules() {}

    /**
     * Constructor injection only: dependencies visible in the signature, testable without Spring.
     * Lines are looked up in Maven's {@code src/main/java} and {@code src/test/java}.
     */
    public static ArchRule noFieldInjection() {
        return noFieldInjection(java.nio.file.Path.of("src/main/java"), java.nio.file.Path.of("src/test/java"));
    }

    /**
     * Constructor injection only, each finding naming the line of the field in the application's
     * sources. The findings read as ArchUnit's own rule's did, so that violations frozen with it
     * still match (a frozen store ignores line numbers).
     */
    public static ArchRule noFieldInjection(ModularApplication app) {
        return noFieldInjection(app.mainSources(), app.testSources());
    }

    /** The annotations that inject a dependency or a setting, into a field or through a method. */
    private static final List<String> INJECTION = List.of(
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Value",
            "jakarta.inject.Inject",
            "javax.inject.Inject",
            "com.google.inject.Inject",
            "jakarta.annotation.Resource",
            "javax.annotation.Resource");

    private static ArchRule noFieldInjection(java.nio.file.Path... sources) {
        return classes()
                .should(new ArchCondition<JavaClass>("inject nothing into fields") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getFields().stream()
                                .sorted(java.util.Comparator.comparing(JavaField::getName))
                                .forEach(field -> INJECTION.stream()
                                        .filter(field::isAnnotatedWith)
                                        .findFirst()
                                        .ifPresent(annotation -> events.add(violated(
                                                type,
                                                "Field <%s.%s> is annotated with @%s in (%s)"
                                                        .formatted(
                                                                type.getName(),
                                                                field.getName(),
                                                                annotation.substring(annotation.lastIndexOf('.') + 1),
                                                                fieldLocation(type, field, sources))))));
                    }
                })
                .allowEmptyShould(true)
                .as("No field injection")
                .because("a dependency hidden in a field is one nobody sees when the module is cut out");
    }

    /**
     * {@code File.java:line} of the field's declaration, read from the first of the source folders
     * that holds the file (a class file records no line for a field); the file alone without one.
     */
    private static String fieldLocation(JavaClass type, JavaField field, java.nio.file.Path... sources) {
        var file = fileOf(type);
        var declaration =
                java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(field.getName()) + "\\s*(;|=)");
        for (var root : sources) {
            var path = root.resolve(type.getPackageName().replace('.', '/')).resolve(file);
            if (!java.nio.file.Files.isRegularFile(path)) {
                continue;
            }
            try {
                var lines = java.nio.file.Files.readAllLines(path);
                for (int i = 0; i < lines.size(); i++) {
                    if (declaration.matcher(lines.get(i)).find()) {
                        return file + ":" + (i + 1);
                    }
                }
            } catch (java.io.IOException | RuntimeException unreadable) {
                // The file alone says where.
            }
        }
        return file;
    }

    /**
     * No setter or method injection either: a dependency set after construction is one the
     * constructor's signature hides, and a half-built object between the two calls.
     */
    public static ArchRule noSetterInjection() {
        return classes()
                .should(new ArchCondition<JavaClass>("inject nothing through methods") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getMethods().stream()
                                .filter(method -> INJECTION.stream().anyMatch(method::isAnnotatedWith))
                                .sorted(java.util.Comparator.comparing(JavaMethod::getName))
                                .forEach(method -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) has its dependencies injected through %s(). Fix: take them"
                                                        + " as constructor parameters, into final fields")
                                                .formatted(
                                                        type.getName(),
                                                        fileOf(type),
                                                        method.getSourceCodeLocation()
                                                                .getLineNumber(),
                                                        method.getName()))));
                    }
                })
                .allowEmptyShould(true)
                .as("No setter injection")
                .because("a dependency hidden in a setter is one nobody sees when the module is cut out");
    }

    /**
     * Modules keep no state in static fields: a static field that is not final, or a static final
     * collection built mutable, is state every instance shares in one process, and that no longer
     * holds once the module runs in several. State belongs in the module's database; a cache in a
     * bean, where its lifetime and its size are visible.
     */
    public static ArchRule noStaticState(ModularApplication app) {
        return classes()
                .that(inAModule(app))
                .should(new ArchCondition<JavaClass>("keep no state in static fields") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getFields().stream()
                                .filter(field -> field.getModifiers().contains(JavaModifier.STATIC)
                                        && !field.getModifiers().contains(JavaModifier.SYNTHETIC))
                                .filter(field -> !field.getModifiers().contains(JavaModifier.FINAL)
                                        || builtMutable(type, field)
                                        || holdsMutableState(app, field.getRawType()))
                                .sorted(java.util.Comparator.comparing(JavaField::getName))
                                .forEach(field -> events.add(violated(
                                        type,
                                        ("%s (%s) keeps state in the static field %s%s, shared by everything in"
                                                        + " the process and lost between processes. Fix: keep it in"
                                                        + " the module's database, or in a bean's final field;"
                                                        + " a constant is static final and immutable (List.of,"
                                                        + " Map.of, a record)")
                                                .formatted(
                                                        type.getName(),
                                                        fileOf(type),
                                                        field.getName(),
                                                        mutableFieldsOf(app, field.getRawType())))));
                    }
                })
                .allowEmptyShould(true)
                .as("Modules keep no state in static fields")
                .because("static state is shared by one process and lost between processes");
    }

    /** " (field 'x' of T is not final or built mutable)" for a singleton's type with such fields, else nothing. */
    private static String mutableFieldsOf(ModularApplication app, JavaClass type) {
        if (!holdsMutableState(app, type)) {
            return "";
        }
        var names = mutableInstanceFields(type).stream()
                .map(field -> "'" + field.getName() + "'")
                .toList();
        return " (%s %s of %s %s not final or built mutable)"
                .formatted(
                        names.size() == 1 ? "field" : "fields",
                        String.join(", ", names),
                        type.getSimpleName(),
                        names.size() == 1 ? "is" : "are");
    }

    /**
     * Whether a value of the type, a class of the application's modules, can change: it has an
     * instance field that is not final, or a final one its constructors build mutable (a {@code
     * ConcurrentHashMap}, an atomic, an array). A static final singleton of it ({@code INSTANCE =
     * new Registry()}, an enum constant) is then shared mutable state.
     */
    private static boolean holdsMutableState(ModularApplication app, JavaClass type) {
        return app.moduleOf(type).isPresent() && !mutableInstanceFields(type).isEmpty();
    }

    /** The instance fields of the type that are not final, or final and built mutable. */
    private static List<JavaField> mutableInstanceFields(JavaClass type) {
        return type.getFields().stream()
                .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC)
                        && !field.getModifiers().contains(JavaModifier.SYNTHETIC)
                        && (!field.getModifiers().contains(JavaModifier.FINAL) || builtMutable(type, field)))
                .sorted(java.util.Comparator.comparing(JavaField::getName))
                .toList();
    }

    /**
     * Factories of collections and maps that can be changed ({@code ConcurrentHashMap.newKeySet()},
     * {@code EnumSet.noneOf(...)}, Guava's {@code Maps.newHashMap()}), as a static initializer may
     * build one instead of calling a constructor.
     */
    private static final Set<String> MUTABLE_FACTORIES = Set.of(
            "java.util.concurrent.ConcurrentHashMap.newKeySet",
            "java.util.HashMap.newHashMap",
            "java.util.HashSet.newHashSet",
            "java.util.LinkedHashMap.newLinkedHashMap",
            "java.util.LinkedHashSet.newLinkedHashSet",
            "java.util.WeakHashMap.newWeakHashMap",
            "java.util.EnumSet.noneOf",
            "java.util.EnumSet.allOf",
            "java.util.EnumSet.of",
            "java.util.EnumSet.range",
            "java.util.EnumSet.copyOf",
            "java.util.Arrays.asList",
            "java.util.Collections.synchronizedList",
            "java.util.Collections.synchronizedSet",
            "java.util.Collections.synchronizedMap",
            "java.util.Collections.synchronizedCollection",
            "java.util.Collections.newSetFromMap",
            "java.util.stream.Collectors.toList",
            "java.util.stream.Collectors.toSet",
            "java.util.stream.Collectors.toMap",
            "java.util.stream.Collectors.groupingBy",
            "java.util.stream.Collectors.toCollection",
            "com.google.common.collect.Lists.newArrayList",
            "com.google.common.collect.Maps.newHashMap",
            "com.google.common.collect.Maps.newConcurrentMap",
            "com.google.common.collect.Sets.newHashSet",
            "com.google.common.collect.Sets.newConcurrentHashSet");

    /**
     * Types that hold work or cached values in the process: a thread pool's or a timer's queue of
     * tasks (lost with the process, run by threads outside the application's lifecycle), a cache.
     */
    private static final List<String> WORK_HOLDERS = List.of(
            "java.util.concurrent.Executor",
            "java.util.Timer",
            "java.lang.Thread",
            "com.github.benmanes.caffeine.cache.Cache",
            "com.google.common.cache.Cache");

    /**
     * Whether the field holds mutable state although final: an atomic or a {@code ThreadLocal}
     * (made to be changed), a thread pool, timer or cache ({@link #WORK_HOLDERS}), an array (its elements can be), or a mutable collection or map the
     * class's static initializer builds (its constructors, for an instance field).
     */
    private static boolean builtMutable(JavaClass type, JavaField field) {
        var builders = field.getModifiers().contains(JavaModifier.STATIC)
                ? type.getStaticInitializer().stream()
                        .map(com.tngtech.archunit.core.domain.JavaCodeUnit.class::cast)
                        .toList()
                : List.<com.tngtech.archunit.core.domain.JavaCodeUnit>copyOf(type.getConstructors());
        var raw = field.getRawType();
        if (raw.isArray()
                || raw.getPackageName().equals("java.util.concurrent.atomic")
                || raw.isAssignableTo(ThreadLocal.class)
                || WORK_HOLDERS.stream().anyMatch(raw::isAssignableTo)) {
            return true;
        }
        var collection = field.getRawType().isAssignableTo(java.util.Collection.class)
                || field.getRawType().isAssignableTo(java.util.Map.class);
        return collection
                && !keptUnmodifiable(builders, field)
                && builders.stream()
                        .anyMatch(initializer -> initializer.getConstructorCallsFromSelf().stream()
                                        .map(call -> call.getTargetOwner())
                                        .anyMatch(
                                                built -> (built.getPackageName().equals("java.util")
                                                                || built.getPackageName()
                                                                        .equals("java.util.concurrent"))
                                                        && built.isAssignableTo(field.getRawType()
                                                                .getName()))
                                || initializer.getMethodCallsFromSelf().stream()
                                        .filter(call -> MUTABLE_FACTORIES.contains(
                                                call.getTargetOwner().getName() + "." + call.getName()))
                                        .anyMatch(call -> builds(initializer, field, call.getLineNumber())))
                && field.getAccessesToSelf().stream()
                        .anyMatch(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET
                                && builders.contains(access.getOrigin()));
    }

    /**
     * Whether the initializer (or constructor) assigns the field a view or a copy that cannot change
     * ({@code Collections.unmodifiableMap(m)}, {@code List.copyOf(list)}, Guava's
     * {@code ImmutableMap.copyOf}): what it filled mutable before stays in the initializer.
     */
    private static boolean keptUnmodifiable(
            List<com.tngtech.archunit.core.domain.JavaCodeUnit> builders, JavaField field) {
        return builders.stream()
                .anyMatch(initializer -> initializer.getMethodCallsFromSelf().stream()
                        .filter(call -> isUnmodifiable(call.getTargetOwner().getName(), call.getName()))
                        .anyMatch(call -> builds(initializer, field, call.getLineNumber())
                                // and nothing built mutable after it goes in instead.
                                && initializer.getConstructorCallsFromSelf().stream()
                                        .noneMatch(built -> built.getLineNumber() > call.getLineNumber()
                                                && builds(initializer, field, built.getLineNumber()))));
    }

    private static boolean isUnmodifiable(String owner, String method) {
        return (owner.equals("java.util.Collections") && method.startsWith("unmodifiable"))
                || (method.equals("copyOf")
                        && (List.of("java.util.List", "java.util.Set", "java.util.Map")
                                        .contains(owner)
                                || owner.startsWith("com.google.common.collect.Immutable")))
                || (owner.equals("java.util.stream.Stream") && method.equals("toList"))
                || (owner.equals("java.util.stream.Collectors") && method.startsWith("toUnmodifiable"));
    }

    /**
     * Whether what the static initializer does at the line goes into the field: the line is the
     * field's own assignment, or after the assignment of the static field before it.
     */
    private static boolean builds(
            com.tngtech.archunit.core.domain.JavaCodeUnit initializer, JavaField field, int line) {
        var sets = initializer.getFieldAccesses().stream()
                .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET)
                .toList();
        return sets.stream()
                .filter(access -> access.getTarget().getName().equals(field.getName()))
                .mapToInt(JavaFieldAccess::getLineNumber)
                .anyMatch(assigned -> line <= assigned
                        && sets.stream()
                                .mapToInt(JavaFieldAccess::getLineNumber)
                                .noneMatch(other -> other >= line && other < assigned));
    }

    /**
     * A type inside a module's internal packages is public only if a class of another package
     * uses it; otherwise package-private suffices.
     */
    public static ArchRule internalTypesArePublicOnlyWhenUsedElsewhere(ModularApplication app) {
        return classes()
                .that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are module internals") {
                    @Override
                    public boolean test(JavaClass type) {
                        return !type.getSimpleName().equals("package-info")
                                && type.isTopLevelClass()
                                && app.moduleOf(type)
                                        .map(module -> !module.getBasePackage()
                                                .getName()
                                                .equals(type.getPackageName()))
                                        .orElse(false);
                    }
                })
                .should(new ArchCondition<JavaClass>("be public only when used outside their package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
                            return;
                        }
                        // Uses of its nested types count: callers of Outcome.Applied use Outcome.
                        boolean usedElsewhere = app.classes().stream()
                                .filter(candidate -> candidate.equals(type)
                                        || candidate.getName().startsWith(type.getName() + "$"))
                                .flatMap(candidate -> candidate.getDirectDependenciesToSelf().stream())
                                .anyMatch(dependency -> !dependency
                                        .getOriginClass()
                                        .getPackageName()
                                        .equals(type.getPackageName()));
                        if (!usedElsewhere) {
                            events.add(violated(
                                    type,
                                    "%s (%s) is public but used only in its own package. Fix: make it package-private"
                                            .formatted(type.getName(), fileOf(type))));
                        }
                    }
                })
                .allowEmptyShould(true)
                .as("Module internals are package-private where they can be")
                .because("every public type is a door another package can walk through");
    }

    /**
     * Nothing writes to the standard streams ({@code System.out}, {@code System.err},
     * {@code printStackTrace()}): what a process says goes through its logger, where levels,
     * trace ids and the log shipper of whichever process the module ends up in see it.
     */
    public static ArchRule noStandardStreams() {
        return classes()
                .should(new ArchCondition<JavaClass>("not write to the standard streams") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getFieldAccessesFromSelf().stream()
                                .filter(access -> access.getTargetOwner().isEquivalentTo(System.class)
                                        && STANDARD_STREAMS.contains(access.getName()))
                                .forEach(access -> events.add(violated(
                                        type,
                                        "%s (%s:%d) writes to System.%s. Fix: log it with the class's logger"
                                                .formatted(
                                                        type.getName(),
                                                        fileOf(type),
                                                        access.getLineNumber(),
                                                        access.getName()))));
                        type.getMethodCallsFromSelf().stream()
                                .filter(call -> call.getName().equals("printStackTrace")
                                        && call.getTarget().getParameterTypes().isEmpty()
                                        && call.getTargetOwner().isAssignableTo(Throwable.class))
                                .forEach(call -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) calls printStackTrace(). Fix: log the exception with the"
                                                        + " class's logger, or rethrow it")
                                                .formatted(type.getName(), fileOf(type), call.getLineNumber()))));
                    }
                })
                .allowEmptyShould(true)
                .as("Nothing writes to the standard streams")
                .because("output that bypasses the logger is lost or unreadable once the module runs as a service");
    }

    private static final java.util.Set<String> STANDARD_STREAMS = java.util.Set.of("out", "err");

    /**
     * No module sleeps: a thread that waits holds what it holds (a listener thread, a request, a
     * transaction and its connection), and a retry that sleeps is one no other process can take
     * over. Retry through the event publication registry, or schedule the next attempt.
     */
    public static ArchRule noSleeping(ModularApplication app) {
        return classes()
                .that(inAModule(app))
                .should(new ArchCondition<JavaClass>("not sleep") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getMethodCallsFromSelf().stream()
                                .filter(HygieneRules::waitsForTime)
                                .forEach(call -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) %s. Fix: let the event publication registry retry, or"
                                                        + " schedule the next attempt; a waiting thread holds its"
                                                        + " request, transaction and connection")
                                                .formatted(
                                                        type.getName(),
                                                        fileOf(type),
                                                        call.getLineNumber(),
                                                        call.getName().equals("sleep")
                                                                ? "sleeps"
                                                                : (BUSY_WAITS.contains(call.getName())
                                                                                ? "busy-waits (%s.%s())"
                                                                                : "waits for a time (%s.%s())")
                                                                        .formatted(
                                                                                call.getTargetOwner()
                                                                                        .getSimpleName(),
                                                                                call.getName())))));
                    }
                })
                .allowEmptyShould(true)
                .as("No module sleeps")
                .because("a sleeping thread holds its transaction, and a retry that sleeps cannot move to another"
                        + " process");
    }

    /**
     * Timed waits besides {@code sleep}, by owner and method: the thread waits for a time to pass,
     * as a sleep does, whatever else may wake it. Waits without a time ({@code LockSupport.park()},
     * {@code wait()}, {@code latch.await()}) coordinate threads and are not listed.
     */
    private static final Set<String> TIMED_WAITS = Set.of(
            "java.lang.Thread.sleep",
            "java.util.concurrent.TimeUnit.sleep",
            "java.util.concurrent.TimeUnit.timedWait",
            "java.util.concurrent.TimeUnit.timedJoin",
            "java.util.concurrent.locks.LockSupport.parkNanos",
            "java.util.concurrent.locks.LockSupport.parkUntil",
            "java.util.concurrent.locks.Condition.awaitNanos",
            "java.util.concurrent.locks.Condition.awaitUntil",
            // A busy wait: the loop around it waits for a time (or for another thread) on a CPU.
            "java.lang.Thread.onSpinWait",
            "java.lang.Thread.yield");

    /** The methods of {@link #TIMED_WAITS} that spin on a CPU instead of sleeping. */
    private static final Set<String> BUSY_WAITS = Set.of("onSpinWait", "yield");

    /** Methods that wait for a time when given one ({@code join(500)}, {@code await(1, SECONDS)}). */
    private static final Set<String> TIMED_WHEN_GIVEN_ONE = Set.of(
            "java.lang.Thread.join",
            "java.lang.Object.wait",
            "java.util.concurrent.CountDownLatch.await",
            "java.util.concurrent.locks.Condition.await");

    /** Whether the call makes the thread wait for a time ({@link #TIMED_WAITS}). */
    private static boolean waitsForTime(com.tngtech.archunit.core.domain.JavaMethodCall call) {
        var timed = !call.getTarget().getRawParameterTypes().isEmpty();
        return Stream.concat(
                        Stream.of(call.getTargetOwner()),
                        Stream.concat(
                                call.getTargetOwner().getAllRawSuperclasses().stream(),
                                call.getTargetOwner().getAllRawInterfaces().stream()))
                .map(owner -> owner.getName() + "." + call.getName())
                .anyMatch(name -> TIMED_WAITS.contains(name) || (timed && TIMED_WHEN_GIVEN_ONE.contains(name)));
    }

    /**
     * No business module swallows every failure: a {@code catch} of {@code Exception},
     * {@code RuntimeException} or {@code Throwable} that throws nothing and answers nothing: outside
     * a listener, returns or sets no value; in a listener, publishes no event saying it failed. In a listener, the method then returns as if it had done its work,
     * the event publication is marked completed and never retried: the event is lost. In a use case,
     * the caller is told it worked (a handler that returns an answer saying it did not is fine).
     */
    public static ArchRule noSwallowedFailures(ModularApplication app) {
        return classes()
                .that(app.inABusinessModule())
                .should(new ArchCondition<JavaClass>("not swallow every failure") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getCodeUnits().stream()
                                .flatMap(unit -> unit.getTryCatchBlocks().stream())
                                .filter(block -> block.getCaughtThrowables().stream()
                                        .anyMatch(caught -> CaughtFailures.BROAD.contains(caught.getName())))
                                .sorted(java.util.Comparator.comparingInt(
                                        block -> block.getSourceCodeLocation().getLineNumber()))
                                .flatMap(block -> sourceOf(app, type).stream()
                                        .flatMap(
                                                file -> CaughtFailures.swallowedAt(
                                                        file,
                                                        block.getSourceCodeLocation()
                                                                .getLineNumber())
                                                        .stream())
                                        // A use case may answer the failure (an outcome that says so); a
                                        // listener may publish it as an event; a listener that returns has
                                        // done its work, as far as the registry knows.
                                        .filter(swallowed -> (block.getOwner() instanceof JavaMethod method
                                                        && (TransactionRules.isEventListener(method)
                                                                || onlyListenersRelyOn(method)))
                                                ? !swallowed.publishes()
                                                : !swallowed.answers()))
                                .distinct()
                                .forEach(swallowed -> events.add(violated(
                                        type,
                                        ("%s (%s:%d) catches %s and throws nothing: the failure disappears. A"
                                                        + " listener returns as if it had done its work, and its"
                                                        + " event is never retried; a use case tells its caller it"
                                                        + " worked. Fix: catch only the failures you turn into an"
                                                        + " outcome, and let the others propagate")
                                                .formatted(
                                                        type.getName(),
                                                        fileOf(type),
                                                        swallowed.line(),
                                                        swallowed.caught()))));
                    }
                })
                .allowEmptyShould(true)
                .as("No module swallows every failure")
                .because("accepted work is delayed or refused when it fails, never dropped");
    }

    /**
     * Whether the method is a listener's helper whose answer no one acts on: it is called, and only
     * by event listeners that throw nothing themselves, or by helpers that throw nothing and are in
     * turn relied on only so (listener, then {@code tellWarehouse()}, then {@code trySend()}). A
     * {@code return false} in its handler then answers nobody; the listener returns as if it had
     * done its work.
     */
    private static boolean onlyListenersRelyOn(JavaMethod method) {
        return onlyListenersRelyOn(method, new java.util.HashSet<>());
    }

    private static boolean onlyListenersRelyOn(JavaMethod method, Set<JavaMethod> seen) {
        if (!seen.add(method)) {
            return false; // a cycle of helpers: none of them is where a listener relies on it
        }
        var calls = method.getCallsOfSelf();
        var relied = !calls.isEmpty()
                && calls.stream()
                        .allMatch(call -> call.getOrigin() instanceof JavaMethod caller
                                && !throwsSomething(caller)
                                && (TransactionRules.isEventListener(caller) || onlyListenersRelyOn(caller, seen)));
        seen.remove(method);
        return relied;
    }

    /**
     * Whether the method can throw what its helper's answer says: it builds a failure (a
     * constructor call or reference, {@code orElseThrow(IllegalStateException::new)}) or has an
     * {@code Optional} throw one ({@code orElseThrow()}).
     */
    private static boolean throwsSomething(JavaMethod method) {
        return method.getConstructorCallsFromSelf().stream()
                        .anyMatch(built -> built.getTargetOwner().isAssignableTo(Throwable.class))
                || method.getConstructorReferencesFromSelf().stream()
                        .anyMatch(built -> built.getTargetOwner().isAssignableTo(Throwable.class))
                || method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getName().equals("orElseThrow")
                                && call.getTargetOwner().getPackageName().equals("java.util")
                                && call.getTargetOwner().getSimpleName().startsWith("Optional"));
    }

    /** The type's source file, in the application's main sources or, failing that, its test sources. */
    static java.util.Optional<java.nio.file.Path> sourceOf(ModularApplication app, JavaClass type) {
        var file = fileOf(ModuleCoupling.topLevel(type));
        return java.util.stream.Stream.of(app.mainSources(), app.testSources())
                .map(root ->
                        root.resolve(type.getPackageName().replace('.', '/')).resolve(file))
                .filter(java.nio.file.Files::isRegularFile)
                .findFirst();
    }

    /** No cycles between the packages inside one module. */
    public static ArchRule noPackageCyclesInsideModules(ModularApplication app) {
        return WithFix.of(
                SlicesRuleDefinition.slices()
                        .assignedFrom(Items.slices(
                                "packages inside modules",
                                type -> app.moduleOf(type)
                                        .filter(module -> !module.getBasePackage()
                                                .getName()
                                                .equals(type.getPackageName()))
                                        .map(module -> type.getPackageName())))
                        .should()
                        .beFreeOfCycles()
                        .allowEmptyShould(true)
                        .as("No package cycles inside modules")
                        .because("packages in a cycle are one package in disguise"),
                "move the class that one package needs from the other into the package both may depend on (the"
                        + " domain), or invert the dependency with an interface in the lower package");
    }

    private static DescribedPredicate<JavaClass> inAModule(ModularApplication app) {
        return DescribedPredicate.describe(
                "belong to a module", type -> app.moduleOf(type).isPresent());
    }

    static String fileOf(JavaClass type) {
        return type.getSource().flatMap(source -> source.getFileName()).orElse(type.getSimpleName());
    }
}
