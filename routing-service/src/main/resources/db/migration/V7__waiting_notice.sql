-- The waiting notice (issue 14): "no agent has joined yet" once a chat has waited this long in the queue with no
-- agent. Null: the default (60 s); 0: no notice. The text is the queue's own wording (null: the widget's EN/FR text).
alter table routing_queue add column waiting_notice_seconds integer;
alter table routing_queue add column waiting_notice_text varchar(500);
-- One row per chat that got the notice and still waits for an agent (in the queue or offered): what keeps the notice
-- to once per wait. Dropped by the scan once the chat is neither waiting nor offered (an agent took it, it ended).
create table waiting_notice (
    conversation_id varchar(64) primary key,
    queue_id        varchar(64) not null,
    noticed_at      timestamptz not null
);
