package io.seams.benchmark.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * L3 of the benchmark: one event-sized message produced to the broker and consumed back, with the
 * clients' default settings (as Seams uses them). {@link #send()} completes when the consumer has
 * the message, so a load generator can time the round trip.
 */
public final class KafkaRoundTrip implements AutoCloseable {

    private final String topic = "benchmark.round-trip." + UUID.randomUUID();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread polling;
    private final String payload;
    private final CompletableFuture<Void> assigned = new CompletableFuture<>();

    /** @param messageBytes how big a message is: about the size of a Seams event's JSON */
    public KafkaRoundTrip(String bootstrapServers, int messageBytes) {
        var producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producing.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producing.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(producing);
        var consuming = new Properties();
        consuming.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consuming.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        consuming.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consuming.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consuming.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(consuming);
        payload = "{\"payload\":\"" + "x".repeat(Math.max(0, messageBytes - 14)) + "\"}";
        polling = new Thread(this::poll, "kafka-round-trip");
        polling.setDaemon(true);
        polling.start();
    }

    /** Sends one message until the consumer has its partitions and the topic exists; returns when it came back. */
    public KafkaRoundTrip awaitReady(Duration timeout) throws Exception {
        assigned.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        send().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return this;
    }

    /** Produces one message; completes with {@code true} when the consumer received it. */
    public CompletableFuture<Boolean> send() {
        var key = String.valueOf(sequence.getAndIncrement());
        var received = new CompletableFuture<Boolean>();
        pending.put(key, received);
        producer.send(new ProducerRecord<>(topic, key, payload), (metadata, error) -> {
            if (error != null) {
                pending.remove(key);
                received.complete(false);
            }
        });
        return received;
    }

    private void poll() {
        consumer.subscribe(List.of(topic));
        while (running.get()) {
            var records = consumer.poll(Duration.ofMillis(100));
            if (!consumer.assignment().isEmpty()) {
                assigned.complete(null);
            }
            for (var record : records) {
                var received = pending.remove(record.key());
                if (received != null) {
                    received.complete(true);
                }
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        polling.join(5000);
        producer.close();
    }
}
