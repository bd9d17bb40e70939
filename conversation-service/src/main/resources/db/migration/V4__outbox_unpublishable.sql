-- Outbox rows the broker refuses for good (too large, invalid topic): set aside here by the OutboxRelay, so that they
-- do not block the rows behind them and are not lost. An operator reads them, fixes the cause and re-inserts them into
-- outbox (insert into outbox (topic, record_key, payload, created_at) select topic, record_key, payload, created_at
-- from outbox_unpublishable where id = ...) or deletes them.
create table outbox_unpublishable (
    id           bigint primary key,
    topic        text        not null,
    record_key   text,
    payload      text        not null,
    created_at   timestamptz not null,
    failure      text        not null,
    set_aside_at timestamptz not null default now()
);
