-- Read receipts (issue 14): how far each participant has read a conversation, as a seq. One row per conversation
-- and reader ('customer', or 'agent:' and the agent id); last_read_seq only moves forward (the conversation service
-- checks it under the conversation's lock).
create table read_position (
    conversation_id text not null references conversation (id),
    reader_key text not null,
    reader_type text not null,
    agent_id text,
    last_read_seq bigint not null check (last_read_seq > 0),
    read_at timestamptz not null,
    primary key (conversation_id, reader_key)
);
