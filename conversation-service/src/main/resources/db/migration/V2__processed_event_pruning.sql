-- The inbox is pruned by age (InboxPruner): find old ids without scanning the table.
create index processed_event_processed_at on processed_event (processed_at);
