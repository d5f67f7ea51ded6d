package io.seams.shop.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When failed event publications are handed to their listeners again.
 *
 * @param interval how often to look for failed publications
 * @param minAge how old a failed publication must be before it is resubmitted
 * @param maxInFlight how many resubmitted publications may be in the listeners' hands at once: while
 *     a broker or a gateway is down, retries must not take every listener thread from new work
 */
@ConfigurationProperties("seams.events.resubmission")
record EventResubmissionProperties(
        @DefaultValue("PT30S") Duration interval,
        @DefaultValue("PT10S") Duration minAge,
        @DefaultValue("4") int maxInFlight) {}
