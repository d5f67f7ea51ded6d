package io.seams.shop.platform.events;

import io.seams.shop.platform.topology.HostedModules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.ToStringSerializer;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.Externalized;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries events between processes when modules run apart
 * ({@code spring.modulith.events.externalization.enabled=true}, with {@code spring.kafka.*}).
 *
 * <p>Out: Spring Modulith externalises the events of the modules hosted here from the event
 * publication registry after commit, to the topic their {@code @Externalized} name gives, keyed
 * by the aggregate id, as the same JSON the contract lock records; a publication stays incomplete
 * until the broker acknowledges it. In: the events of modules hosted elsewhere arrive through an
 * inbox that drops a message seen before, and are published locally in the same transaction, so
 * the registry hands them to the local listeners. An event that came in is never sent out again:
 * only the hosted modules' events are externalised.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true")
class KafkaEventBridge {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventBridge.class);

    @Bean
    EventExternalizationConfiguration hostedModulesEvents(Environment environment) {
        return EventExternalizationConfiguration.defaults(
                        HostedModules.from(environment).basePackages())
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
     * Every event topic exists before anyone subscribes: a consumer that subscribed to a topic not
     * yet created would only notice it at its next metadata refresh, minutes later. Each process
     * sees to the topics it uses — those its hosted modules publish to and those its inbox reads —
     * and checks no others at start.
     */
    @Bean
    KafkaAdmin.NewTopics eventTopics(Environment environment, ListableBeanFactory beans) {
        var hosted = HostedModules.from(environment);
        var used = new java.util.TreeSet<>(Inbox.inboundEvents(hosted, Inbox.listenedEventTypes(hosted, beans))
                .keySet());
        Inbox.externalizedEvents().forEach((topic, type) -> {
            if (hosted.hostsClass(type.getName())) {
                used.add(topic);
            }
        });
        return new KafkaAdmin.NewTopics(
                used.stream().map(topic -> TopicBuilder.name(topic).build()).toArray(NewTopic[]::new));
    }

    @Bean
    Inbox inbox(
            Environment environment,
            ListableBeanFactory beans,
            JdbcClient jdbc,
            JsonMapper json,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ConcurrentKafkaListenerContainerFactory<?, ?> containers) {
        var group = environment.getProperty(
                "seams.topology.consumer-group", environment.getProperty("spring.application.name", "seams"));
        return new Inbox(HostedModules.from(environment), beans, jdbc, json, events, transactions, containers, group);
    }

    /**
     * Receives the events that the modules hosted here listen to and that modules hosted in other
     * processes publish, each message once. Its consumer group is the process's
     * ({@code seams.topology.consumer-group}): replicas of one process share the work.
     */
    static class Inbox implements SmartLifecycle {

        private final HostedModules hosted;
        private final ListableBeanFactory beans;
        private final JdbcClient jdbc;
        private final JsonMapper json;
        private final ApplicationEventPublisher events;
        private final TransactionTemplate transactions;
        private final ConcurrentKafkaListenerContainerFactory<Object, Object> containers;
        private final String group;
        private Map<String, Class<?>> eventsByTopic = Map.of();
        private MessageListenerContainer container;

        @SuppressWarnings("unchecked")
        Inbox(
                HostedModules hosted,
                ListableBeanFactory beans,
                JdbcClient jdbc,
                JsonMapper json,
                ApplicationEventPublisher events,
                TransactionTemplate transactions,
                ConcurrentKafkaListenerContainerFactory<?, ?> containers,
                String group) {
            this.hosted = hosted;
            this.beans = beans;
            this.jdbc = jdbc;
            this.json = json;
            this.events = events;
            this.transactions = transactions;
            this.containers = (ConcurrentKafkaListenerContainerFactory<Object, Object>) containers;
            this.group = group;
        }

        /** Subscribes once every listener is known: to the topics of the events they listen to. */
        @Override
        @SuppressWarnings("unchecked")
        public void start() {
            eventsByTopic = inboundEvents(hosted, listenedEventTypes(hosted, beans));
            log.info("Events: receiving {} from Kafka", eventsByTopic.isEmpty() ? "nothing" : eventsByTopic.keySet());
            if (eventsByTopic.isEmpty()) {
                return;
            }
            var created = containers.createContainer(eventsByTopic.keySet().toArray(String[]::new));
            created.getContainerProperties().setGroupId(group);
            created.getContainerProperties().setMessageListener((MessageListener<Object, Object>) this::receive);
            // A message that cannot be handled now (database down, say) is retried, never skipped:
            // its offset is committed only once it is handled.
            created.setCommonErrorHandler(
                    new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
            container = created;
            container.start();
        }

        /** The event types the hosted modules' listeners take (not the framework's: its externaliser takes any). */
        static Set<Class<?>> listenedEventTypes(HostedModules hosted, ListableBeanFactory beans) {
            var types = new HashSet<Class<?>>();
            for (var name : beans.getBeanDefinitionNames()) {
                var type = beans.getType(name, false);
                if (type == null) {
                    continue;
                }
                var className = ClassUtils.getUserClass(type).getName();
                if (hosted.basePackages().stream().noneMatch(module -> className.startsWith(module + "."))) {
                    continue;
                }
                ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> {
                    if (method.getParameterCount() == 1
                            && AnnotatedElementUtils.hasAnnotation(method, EventListener.class)) {
                        types.add(method.getParameterTypes()[0]);
                    }
                });
            }
            return types;
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

        /** Every externalised event of a module not hosted here that a listener here takes, by its topic. */
        static Map<String, Class<?>> inboundEvents(HostedModules hosted, Set<Class<?>> listened) {
            var inbound = new TreeMap<String, Class<?>>();
            externalizedEvents().forEach((topic, type) -> {
                if (!hosted.hostsClass(type.getName())
                        && listened.stream().anyMatch(parameter -> parameter.isAssignableFrom(type))) {
                    inbound.put(topic, type);
                }
            });
            return inbound;
        }

        /** Every externalised event of the application, by its topic. */
        static Map<String, Class<?>> externalizedEvents() {
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
            var byTopic = new TreeMap<String, Class<?>>();
            for (var candidate : scanner.findCandidateComponents("io.seams.shop")) {
                var type = ClassUtils.resolveClassName(candidate.getBeanClassName(), Inbox.class.getClassLoader());
                byTopic.put(type.getAnnotation(Externalized.class).value().split("::")[0], type);
            }
            return byTopic;
        }
    }
}
