package io.seams.shop.platform.distribution.topology;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A condition for an embedded service of the default profile that only one module needs: it runs
 * where its switch ({@code property}) says so; with the switch unset, where that module is hosted
 * (always in the monolith). So a process hosting only payments starts neither the mail server that
 * notifications sends through nor the authorization server, unless told to.
 */
public abstract class NeededByHostedModule extends SpringBootCondition {

    private final String property;
    private final String module;

    protected NeededByHostedModule(String property, String module) {
        this.property = property;
        this.module = module;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        var switched = environment.getProperty(property, Boolean.class);
        if (switched != null) {
            return switched
                    ? ConditionOutcome.match(property + " is true")
                    : ConditionOutcome.noMatch(property + " is false");
        }
        var hosted = HostedModules.from(environment);
        return hosted.hosts(module)
                ? ConditionOutcome.match(module + " is hosted here")
                : ConditionOutcome.noMatch(module + " is not hosted here and " + property + " is unset");
    }
}
