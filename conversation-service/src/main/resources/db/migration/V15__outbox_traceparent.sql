-- The W3C trace context (traceparent) of the decision that wrote the row, so that the relay's publish continues
-- its trace (docs/architecture.md, "Tracing"). Null with tracing off, and for rows written before this migration.
alter table outbox add column traceparent text;
