package io.seams.shop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.support.GenericApplicationContext;

class EventExecutionTests {

    @Test
    void aPausedContextStillRunsTheListenerInvocationsItWasGiven() throws InterruptedException {
        try (var context = new GenericApplicationContext()) {
            context.registerBean(
                    "listeners",
                    EventExecution.WorkAfterCommit.class,
                    () -> (EventExecution.WorkAfterCommit) EventExecution.pool(
                            new ThreadPoolTaskExecutorBuilder(),
                            "listener-",
                            new EventExecutionProperties.Listeners(1, 10),
                            task -> task));
            context.refresh();
            var listeners = context.getBean(EventExecution.WorkAfterCommit.class);
            var running = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var done = new CountDownLatch(2);
            listeners.execute(() -> {
                running.countDown();
                awaitQuietly(release);
                done.countDown();
            });
            listeners.execute(done::countDown); // waits in the queue behind the first
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            // What Spring's test context cache does to a context it is not using.
            context.pause();
            release.countDown();

            assertThat(done.await(10, TimeUnit.SECONDS))
                    .as("both invocations ran although the context is paused")
                    .isTrue();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
