/**
 * The in-process event machinery, the same in every topology: the bounded pools listeners run on
 * and the backlog intake checks before it takes new work, what happens when a listener fails,
 * the resubmission of incomplete publications under a database lock, and their metrics. Carrying
 * events between processes is {@code platform.distribution.kafka}.
 */
package io.seams.shop.platform.events;
