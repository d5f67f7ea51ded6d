package io.seams.shop.platform.distribution.kafka;

import io.seams.shop.platform.kernel.Fingerprints;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the events that the modules hosted here listen to and that modules hosted in other
 * processes publish, each message once: a message seen before (same topic, key and value, kept
 * as a hash in {@code events.inbox}) is dropped, a new one is published locally in the
 * transaction that records it. Its consumer group is the process's
 * ({@code seams.topology.consumer-group}): replicas of one process share the work.
 */
final class Inbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final EventRoutes.Lazy routes;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ConcurrentKafkaListenerContainerFactory<Object, Object> containers;
    private final String group;
    private final int concurrency;
    private Map<String, Class<?>> eventsByTopic = Map.of();
    private @Nullable MessageListenerContainer container;

    @SuppressWarnings("unchecked")
    Inbox(
            EventRoutes.Lazy routes,
            JdbcClient jdbc,
            JsonMapper json,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ConcurrentKafkaListenerContainerFactory<?, ?> containers,
            String group,
            int concurrency) {
        this.routes = routes;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.transactions = transactions;
        this.containers = (ConcurrentKafkaListenerContainerFactory<Object, Object>) containers;
        this.group = group;
        this.concurrency = concurrency;
    }

    /**
     * Subscribes to the topics of the events that the hosted modules' listeners take and that
     * modules hosted elsewhere publish. One consumer per partition, up to {@code concurrency}
     * ({@code spring.kafka.listener.concurrency}, the topics' partition count; a consumer more would idle): a partition is
     * read by one consumer in order, and events are keyed by their aggregate, so one order's
     * events are still taken in order while different orders' go side by side.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void start() {
        eventsByTopic = routes.get().inbound();
        log.info("Events: receiving {} from Kafka", eventsByTopic.isEmpty() ? "nothing" : eventsByTopic.keySet());
        if (eventsByTopic.isEmpty()) {
            return;
        }
        var created = containers.createContainer(eventsByTopic.keySet().toArray(String[]::new));
        created.setConcurrency(concurrency);
        created.getContainerProperties().setGroupId(group);
        created.getContainerProperties().setMessageListener((MessageListener<Object, Object>) this::receive);
        // A message that cannot be handled now (database down, say) is retried, never skipped:
        // its offset is committed only once it is handled. The first retry comes soon (a
        // passing hiccup costs 100 ms, not a second), later ones back off to 5 s.
        created.setCommonErrorHandler(new DefaultErrorHandler(retryBackOff()));
        container = created;
        created.start();
    }

    static ExponentialBackOff retryBackOff() {
        var backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(5000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    void receive(ConsumerRecord<Object, Object> message) {
        var type = eventsByTopic.get(message.topic());
        if (type == null) {
            return;
        }
        var key = textOf(message.key());
        var value = textOf(message.value());
        try {
            takeIn(message.topic(), type, key, value);
        } catch (RuntimeException e) {
            // Retried until it succeeds; say why, without the payload (it may hold personal data).
            log.warn("Could not take in a message from {}; retrying: {}", message.topic(), e.toString());
            throw e;
        }
    }

    private void takeIn(String topic, Class<?> type, String key, String value) {
        transactions.executeWithoutResult(status -> {
            var firstTime = jdbc.sql("""
                                    INSERT INTO events.inbox (message_id, topic) VALUES (?, ?)
                                    ON CONFLICT (message_id) DO NOTHING""").params(idOf(topic, key, value), topic).update() == 1;
            if (firstTime) {
                events.publishEvent(json.readValue(value, type));
            } else {
                log.debug("Dropped a message received before from {}", topic);
            }
        });
    }

    private static String textOf(Object keyOrValue) {
        return keyOrValue instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(keyOrValue);
    }

    /** A message's identity: the same event delivered again hashes the same. */
    private static String idOf(String topic, String key, String value) {
        return Fingerprints.of(topic + "|" + key + "|" + value);
    }
}
