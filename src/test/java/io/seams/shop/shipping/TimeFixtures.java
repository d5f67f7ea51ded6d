package io.seams.shop.shipping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Classes of a business module (shipping, by their package) that read the time, for
 * TimeRulesTests: each of the first five asks the system clock in its own way, the last one takes
 * the time from a Clock it was given. Never beans, never called.
 */
public final class TimeFixtures {

    private TimeFixtures() {}

    public static class ReadsInstantNow {
        Instant dispatchedAt() {
            return Instant.now();
        }
    }

    public static class ReadsLocalDateNow {
        LocalDate deliveryDay() {
            return LocalDate.now();
        }
    }

    public static class ReadsTheTimeInAZone {
        LocalDateTime cutOff() {
            return LocalDateTime.now(ZoneId.of("Europe/Berlin"));
        }
    }

    public static class ReadsCurrentTimeMillis {
        long stamp() {
            return System.currentTimeMillis();
        }
    }

    public static class MakesASystemClock {
        Instant now() {
            return Clock.systemUTC().instant();
        }
    }

    public static class TakesTheTimeFromTheClock {
        private final Clock clock;

        public TakesTheTimeFromTheClock(Clock clock) {
            this.clock = clock;
        }

        Instant dispatchedAt() {
            return clock.instant();
        }

        LocalDate deliveryDay() {
            return LocalDate.now(clock);
        }

        Instant inADay() {
            return Instant.now(clock).plus(Duration.ofDays(1));
        }

        Duration took(long startedNanos) {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
    }
}
