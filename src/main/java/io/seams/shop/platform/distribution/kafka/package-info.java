/**
 * Events between processes: which events cross this process's boundary, their externalisation to
 * Kafka, and the inbox that takes them in once each.
 */
package io.seams.shop.platform.distribution.kafka;
