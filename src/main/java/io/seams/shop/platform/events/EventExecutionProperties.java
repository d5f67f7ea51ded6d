package io.seams.shop.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pools that run the work after a commit ({@link EventExecution}).
 *
 * @param listeners the modules' event listeners
 * @param externalization handing events to Kafka, when modules run in separate processes
 */
@ConfigurationProperties("seams.events")
record EventExecutionProperties(
        @DefaultValue Listeners listeners, @DefaultValue Externalization externalization) {

    /** What {@link EventExecution} needs of either pool. */
    interface Pool {
        int threads();

        int queueCapacity();
    }

    /**
     * @param threads how many listeners run at once (each holds a database connection while it runs)
     * @param queueCapacity how many listener invocations may wait; intake is refused long before
     *     this fills ({@code seams.web.overload.max-backlog-age})
     */
    record Listeners(
            @DefaultValue("8") int threads,
            @DefaultValue("10000") int queueCapacity) implements Pool {}

    /**
     * @param threads how many events are handed to Kafka at once (a send waits for the broker only
     *     when it has no metadata for the topic, at most {@code max.block.ms})
     * @param queueCapacity how many events may wait to be handed over
     */
    record Externalization(
            @DefaultValue("2") int threads,
            @DefaultValue("10000") int queueCapacity) implements Pool {}
}
