-- @airudder-webhooks/postgres migration 003: ordering keys.
-- Entries of one ordering_key (e.g. a call's callid) are claimed one at a time, oldest ordered_at
-- (the payload's own time) first, across every replica; entries without a key are unaffected.
ALTER TABLE airudder_inbox ADD COLUMN ordering_key text, ADD COLUMN ordered_at timestamptz;

CREATE INDEX airudder_inbox_ordering_idx ON airudder_inbox (ordering_key, ordered_at)
  WHERE ordering_key IS NOT NULL;
