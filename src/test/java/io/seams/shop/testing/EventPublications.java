package io.seams.shop.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the event publication registry holds: work handed to listeners and not yet done. */
public final class EventPublications {

    private EventPublications() {}

    /** Publications whose listener has not completed (completed ones are deleted). */
    public static long incomplete(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
    }
}
