-- @airudder-webhooks/postgres migration 002: the reconciler's tracked tasks (@airudder-webhooks/client).
-- One row per AIRudder task: when it is due to be pulled (or, while a replica pulls it, when that
-- lease runs out), how many pulls were started (the lease token), and the last discrepancy report.
CREATE TABLE airudder_inbox_reconcile_tasks (
  task_id text PRIMARY KEY,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'pulling', 'reconciled')),
  source text NOT NULL,
  due_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_seen_at timestamptz NOT NULL,
  last_error text,
  report jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX airudder_inbox_reconcile_due_idx ON airudder_inbox_reconcile_tasks (state, due_at);
