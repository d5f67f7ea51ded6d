-- Spring Modulith's layout: __root runs first and belongs to no module.
CREATE TABLE public.event_publication (id UUID PRIMARY KEY, listener_id TEXT NOT NULL);
-- Creating billing's schema here is fine; an object in it belongs in billing's folder.
CREATE SCHEMA IF NOT EXISTS billing;
CREATE TABLE billing.legacy_total (invoice_id BIGINT);
