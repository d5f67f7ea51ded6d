package io.seams.shop;

import io.seams.shop.testing.MovableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole monolith over HTTP with a movable clock and short saga timers: the one configuration of
 * the saga tests ({@link FulfilmentSagaTests}, {@link IdempotentPlacementTests}), so they share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "seams.orders.timeout-check-interval=PT0.2S",
            "seams.events.resubmission.interval=PT0.5S",
            "seams.events.resubmission.min-age=PT0.5S"
        })
@AutoConfigureRestTestClient
@Import(MovableClock.Config.class)
@interface MonolithSagaTest {}
