package io.seams.shop.platform.events;

import java.time.Duration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * How far the event listeners are behind: the number of listener invocations waiting for a thread,
 * and how long the oldest of them has waited. The age is what intake watches
 * ({@code io.seams.shop.platform.adapters.web.OverloadProtection}): it says how late new work would start,
 * whatever the machine's speed.
 */
public final class ListenerBacklog {

    private final ThreadPoolTaskExecutor listeners;

    ListenerBacklog(ThreadPoolTaskExecutor listeners) {
        this.listeners = listeners;
    }

    /** Listener invocations waiting for a thread. */
    public int waiting() {
        return listeners.getQueueSize();
    }

    /** How long the oldest waiting invocation has waited; zero when none waits. */
    public Duration oldestWait() {
        var head = listeners.getThreadPoolExecutor().getQueue().peek();
        return head instanceof Queued queued
                ? Duration.ofNanos(Math.max(0, System.nanoTime() - queued.since))
                : Duration.ZERO;
    }

    /** {@code task}, stamped with the time it was handed to a pool. */
    static Runnable queued(Runnable task) {
        return new Queued(task, System.nanoTime());
    }

    private record Queued(Runnable task, long since) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }
}
