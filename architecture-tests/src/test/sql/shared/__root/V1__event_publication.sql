-- Spring Modulith's layout with every module in the default schema: __root's table is shared.
CREATE TABLE event_publication (id UUID PRIMARY KEY, listener_id TEXT NOT NULL, completion_date TIMESTAMPTZ);
