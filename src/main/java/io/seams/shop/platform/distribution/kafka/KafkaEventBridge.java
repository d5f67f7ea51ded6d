package io.seams.shop.platform.distribution.kafka;

import io.seams.shop.platform.distribution.topology.HostedModules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.ToStringSerializer;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries events between processes when modules run apart
 * ({@code spring.modulith.events.externalization.enabled=true}, with {@code spring.kafka.*}).
 *
 * <p>Out: Spring Modulith externalises the events of the modules hosted here that a module hosted
 * in another process listens to ({@link EventRoutes}) from the event publication registry after
 * commit, to the topic their {@code @Externalized} name gives, keyed by the aggregate id, as the
 * same JSON the contract lock records; a publication stays incomplete until the broker
 * acknowledges it. In: the events of modules hosted elsewhere arrive through an inbox that drops a
 * message seen before, and are published locally in the same transaction, so the registry hands
 * them to the local listeners. An event that came in is never sent out again: only the hosted
 * modules' events are externalised.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true")
class KafkaEventBridge {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventBridge.class);

    /** Consumers per process: the topics' partitions (three on the local and compose brokers). */
    static final int DEFAULT_CONCURRENCY = 3;

    /** Which events cross this process's boundary, from its modules' listeners (when first needed). */
    @Bean
    EventRoutes.Lazy eventRoutes(Environment environment) {
        return new EventRoutes.Lazy(() -> {
            var routes = EventRoutes.of(
                    HostedModules.from(environment),
                    Set.of(environment.getProperty("seams.topology.external-topics", String[].class, new String[0])));
            log.info("Events over Kafka: {}", routes);
            return routes;
        });
    }

    /**
     * Only what a module in another process listens to is sent out: an event that only modules
     * hosted here take stays in the registry's hands (no send, no broker round trip, no topic).
     * Routed by the {@code @Externalized} name: topic and key (the aggregate id).
     */
    @Bean
    EventExternalizationConfiguration remotelySubscribedEvents(EventRoutes.Lazy routes) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> routes.get().sendsOut(event))
                .build();
    }

    /**
     * Keys as their text (aggregate ids); values as the bytes Spring Modulith's message converter
     * already wrote with the application's JSON mapper — the JSON the contract lock records.
     */
    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaProducerFactoryCustomizer eventJson() {
        return factory -> {
            var producers = (DefaultKafkaProducerFactory<Object, byte[]>) factory;
            producers.setKeySerializer(new ToStringSerializer<>());
            producers.setValueSerializer(new ByteArraySerializer());
        };
    }

    /**
     * Once started, the producer learns the partitions of every topic this process sends to, in
     * the background. With the broker away later, a send to a topic it knows does not wait on the
     * sending thread (the record waits in the producer, see {@code metadata.recovery.strategy} in
     * application.yaml); one it never knew would wait {@code max.block.ms}, holding a thread.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> producerWarmUp(EventRoutes.Lazy routes, KafkaTemplate<?, ?> kafka) {
        return ready -> {
            var warmUp = new Thread(
                    () -> routes.get().outbound().keySet().forEach(topic -> {
                        try {
                            kafka.partitionsFor(topic);
                        } catch (RuntimeException brokerAway) {
                            log.debug("Events: no metadata for {} yet: {}", topic, brokerAway.toString());
                        }
                    }),
                    "kafka-producer-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        };
    }

    /**
     * The topics this process sends to or receives from exist before anyone subscribes: a consumer
     * that subscribed to a topic not yet created would only notice it at its next metadata
     * refresh, minutes later. Topics nobody outside a process listens to are not created.
     * Partitions: the broker's default (three on the local and compose brokers).
     */
    @Bean
    KafkaAdmin.NewTopics eventTopics(EventRoutes.Lazy routes) {
        return new KafkaAdmin.NewTopics(routes.get().topics().stream()
                .map(topic -> TopicBuilder.name(topic).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    Inbox inbox(
            Environment environment,
            EventRoutes.Lazy routes,
            JdbcClient jdbc,
            JsonMapper json,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ConcurrentKafkaListenerContainerFactory<?, ?> containers) {
        var group = environment.getProperty(
                "seams.topology.consumer-group", environment.getProperty("spring.application.name", "seams"));
        return new Inbox(
                routes,
                jdbc,
                json,
                events,
                transactions,
                containers,
                group,
                environment.getProperty("spring.kafka.listener.concurrency", Integer.class, DEFAULT_CONCURRENCY));
    }

    /**
     * Receives the events that the modules hosted here listen to and that modules hosted in other
     * processes publish, each message once. Its consumer group is the process's
     * ({@code seams.topology.consumer-group}): replicas of one process share the work.
     */
    static class Inbox implements SmartLifecycle {

        private final EventRoutes.Lazy routes;
        private final JdbcClient jdbc;
        private final JsonMapper json;
        private final ApplicationEventPublisher events;
        private final TransactionTemplate transactions;
        private final ConcurrentKafkaListenerContainerFactory<Object, Object> containers;
        private final String group;
        private final int concurrency;
        private Map<String, Class<?>> eventsByTopic = Map.of();
        private MessageListenerContainer container;

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
            container.start();
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
                var firstTime =
                        jdbc.sql("""
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
            try {
                var digest = MessageDigest.getInstance("SHA-256");
                digest.update((topic + "|" + key + "|" + value).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
