package io.seams.shop.platform.distribution.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The broker as {@code /actuator/health} reports it, where events cross processes: {@code UP}
 * with the cluster's id and size when a broker answers within a second, {@code DOWN} otherwise.
 * Deliberately not part of readiness (ADR 0012): with the broker away a process still takes
 * orders, their events wait in the registry, so taking it out of the load balancer would turn a
 * delay into an outage.
 */
@Component("kafka")
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true")
class KafkaHealth extends AbstractHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MS = 1000;

    private final Admin admin;

    KafkaHealth(KafkaAdmin kafka) {
        var config = new java.util.HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        var id = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        var brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        health.up().withDetail("clusterId", id).withDetail("brokers", brokers);
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
