package io.seams.shop.platform.distribution.kafka;

import io.seams.shop.platform.distribution.topology.HostedModules;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.ToStringSerializer;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
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
}
