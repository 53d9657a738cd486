-- @airudder-webhooks/postgres migration 001: the inbox table.
-- Applied by migrate() or `airudder-webhooks-postgres migrate`, which replace the name
-- airudder_inbox (and the prefix of the index names) with the configured table.
-- One row per idempotency id; available_at is when a pending row is due or when a processing
-- row's lease runs out, so "what is due" is one range scan of the (status, available_at) index.
CREATE TABLE airudder_inbox (
  id text PRIMARY KEY,
  type text NOT NULL,
  raw text NOT NULL,
  received_at timestamptz NOT NULL,
  verification jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'processing', 'done', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX airudder_inbox_status_available_at_idx ON airudder_inbox (status, available_at);

CREATE INDEX airudder_inbox_received_at_idx ON airudder_inbox (received_at);
