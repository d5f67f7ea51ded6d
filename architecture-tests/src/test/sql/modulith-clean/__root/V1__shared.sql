-- Spring Modulith's layout: __root runs first and belongs to no module.
CREATE TABLE public.event_publication (id UUID PRIMARY KEY, listener_id TEXT NOT NULL);
