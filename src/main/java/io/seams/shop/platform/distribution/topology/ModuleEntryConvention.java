package io.seams.shop.platform.distribution.topology;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import org.springframework.modulith.observability.support.ModulithContext;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith's observation of a call entering a module ({@code module.requests}), with the
 * same labels on every entry: {@code module.key}, and {@code module.invocation-type}
 * {@code event-listener} or {@code api}. Spring Modulith's own convention labels only listener
 * entries with the invocation type, and Prometheus keeps only the first set of labels it sees for
 * a metric name: every other entry into a module went uncounted (and was logged as a failed
 * registration). Otherwise as Spring Modulith's: the same name, contextual name and method key.
 */
@Component
class ModuleEntryConvention implements GlobalObservationConvention<ModulithContext> {

    static final String NAME = "module.requests";

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ModulithContext;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ModulithContext context) {
        return "[" + context.getApplicationName() + "] " + context.getModule().getDisplayName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ModulithContext context) {
        var module = context.getModule();
        return KeyValues.of(
                "module.key",
                module.getIdentifier().toString(),
                "module.invocation-type",
                module.isEventListenerInvocation(context.getInvocation()) ? "event-listener" : "api");
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ModulithContext context) {
        return KeyValues.of("module.method", context.getInvocation().getMethod().getName());
    }
}
