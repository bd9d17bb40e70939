-- The supervisor console's projection (issue 15): what the figures are computed from, at read time, by the pure
-- supervision.SupervisorFigures. Written idempotently by the event consumers, in the transaction of the event's other
-- projections, so the figures are the same after a restart and with several gateway instances.

-- The last conversation event (seq) applied to the supervision tables, per conversation: a redelivered or already
-- applied event (another instance's) changes nothing.
create table supervision_cursor (
    conversation_id text primary key,
    seq             bigint not null
);

-- One row per time a conversation entered a queue (ConversationQueued). outcome: null while it waits, then
-- ANSWERED (an agent joined), ABANDONED (the customer left or the maximum time in queue passed) or INTERRUPTED (its
-- queue was deleted). transferred_at: the agent who answered it transferred it on (to a queue or an agent).
-- handled_until: the answering agent's participation was DONE (wrap-up submitted): handle time = handled_until -
-- outcome_at.
create table supervision_queue_entry (
    conversation_id text        not null,
    entry_seq       bigint      not null,
    queue_id        text        not null,
    queue_name      text,
    customer_name   text,
    entered_at      timestamptz not null,
    waiting_since   timestamptz,
    reason          text        not null,
    outcome         text,
    outcome_at      timestamptz,
    agent_id        text,
    transferred_at  timestamptz,
    handled_until   timestamptz,
    primary key (conversation_id, entry_seq)
);
create index supervision_queue_entry_waiting on supervision_queue_entry (queue_id) where outcome is null;
create index supervision_queue_entry_entered on supervision_queue_entry (entered_at);
create index supervision_queue_entry_outcome on supervision_queue_entry (outcome_at);
create index supervision_queue_entry_handled on supervision_queue_entry (handled_until);

-- Every offer an agent let time out (OfferWithdrawn, reason RONA_TIMEOUT), keyed by the event id.
create table supervision_rona (
    event_id    text primary key,
    agent_id    text        not null,
    occurred_at timestamptz not null
);
create index supervision_rona_agent on supervision_rona (occurred_at, agent_id);

-- A gateway upgraded on a running system: the chats waiting at that moment are counted as waiting (entered when
-- their last ConversationQueued happened, as the event log says), and the events already projected are not applied
-- again. The day's other counts start from the upgrade.
insert into supervision_queue_entry (conversation_id, entry_seq, queue_id, queue_name, customer_name, entered_at,
    waiting_since, reason)
select s.conversation_id, q.seq, s.queue_id, s.queue_name, s.customer_name, q.occurred_at, q.occurred_at, 'NEW'
from conversation_summary s
join lateral (select e.seq, e.occurred_at from conversation_event e
    where e.conversation_id = s.conversation_id and e.event_type = 'ConversationQueued'
    order by e.seq desc limit 1) q on true
where s.state in ('QUEUED', 'OFFERED') and s.queue_id is not null;
insert into supervision_cursor (conversation_id, seq) select conversation_id, last_seq from conversation_summary;
