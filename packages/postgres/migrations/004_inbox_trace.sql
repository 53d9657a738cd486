-- @airudder-webhooks/postgres migration 004: the trace context of each delivery.
-- With telemetry on (createWebhooks({ telemetry })), each entry keeps the W3C traceparent of the
-- delivery that stored it, so the handler runs of every retry, on any replica, join that trace.
-- Nullable: entries stored without telemetry, and all entries stored before this migration, have none.
ALTER TABLE airudder_inbox ADD COLUMN trace text;
