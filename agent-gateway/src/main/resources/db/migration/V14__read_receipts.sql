-- Read receipts (issue 14): how far the customer, and the furthest-reading agent, have read each conversation, as
-- projected from MessagesRead events (only ever raised: greatest()).
alter table conversation_summary add column customer_read_seq bigint not null default 0;
alter table conversation_summary add column agent_read_seq bigint not null default 0;
