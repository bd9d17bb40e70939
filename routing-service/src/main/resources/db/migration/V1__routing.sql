-- Routing state. Every change to it happens inside one transaction holding the routing advisory lock
-- (see docs/architecture.md, "Routing consistency"); the constraints below back that up.

create table routing_queue (
    id                   text primary key,
    name                 text        not null,
    strategy             text        not null,
    rona_timeout_seconds integer     not null check (rona_timeout_seconds between 5 and 600),
    max_wait_seconds     integer check (max_wait_seconds > 0),
    updated_at           timestamptz not null
);
create index routing_queue_name on routing_queue (lower(name));

create table idle_code (
    code  text primary key,
    label text not null
);

create table agent (
    id              text primary key,
    display_name    text        not null,
    capacity        integer     not null check (capacity between 1 and 10),
    state           text        not null,
    idle_code       text,
    -- When the agent entered their current state; with last_offered_at it orders the longest-available agents.
    state_since     timestamptz not null,
    last_offered_at timestamptz
);

create table agent_queue (
    agent_id text not null references agent (id) on delete cascade,
    queue_id text not null references routing_queue (id) on delete cascade,
    primary key (agent_id, queue_id)
);
create index agent_queue_queue on agent_queue (queue_id);

-- A chat waiting in a queue with no offer open. Offered chats leave this table and come back on RONA/decline.
create table waiting_chat (
    conversation_id  text primary key,
    queue_id         text        not null,
    customer_name    text,
    proactive        boolean     not null,
    -- First entry into any queue: the FIFO order, kept across requeues and transfers.
    waiting_since    timestamptz not null,
    -- Entry into the current queue: what the queue's maximum time in queue is measured from.
    entered_queue_at timestamptz not null,
    -- Last 1-based position published to the customer.
    position         integer
);
create index waiting_chat_fifo on waiting_chat (queue_id, waiting_since, conversation_id);

-- Every offer ever made. An ACCEPTED offer not yet released is an active chat of that agent.
create table offer (
    id               text primary key,
    conversation_id  text        not null,
    agent_id         text        not null,
    kind             text        not null,
    status           text        not null check (status in ('PENDING', 'ACCEPTED', 'WITHDRAWN')),
    queue_id         text,
    queue_name       text,
    customer_name    text,
    proactive        boolean     not null,
    waiting_since    timestamptz not null,
    entered_queue_at timestamptz,
    requested_by     text,
    offered_at       timestamptz not null,
    expires_at       timestamptz not null,
    closed_at        timestamptz,
    withdraw_reason  text,
    released_at      timestamptz,
    check ((status = 'PENDING') = (closed_at is null)),
    check (released_at is null or status = 'ACCEPTED')
);
-- A chat is never offered to two agents at once.
create unique index offer_one_pending_per_chat on offer (conversation_id) where status = 'PENDING';
create index offer_pending_expiry on offer (expires_at) where status = 'PENDING';
create index offer_agent_load on offer (agent_id)
    where status = 'PENDING' or (status = 'ACCEPTED' and released_at is null);
create index offer_conversation on offer (conversation_id);

-- Transactional outbox and idempotent inbox (livechat-platform, com.livechat.platform.outbox).
create table outbox (
    id         bigserial primary key,
    topic      text        not null,
    record_key text,
    payload    text        not null,
    created_at timestamptz not null
);

create table processed_event (
    event_id     text primary key,
    processed_at timestamptz not null
);
