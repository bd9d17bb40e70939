-- Agents' and administrators' accounts: the gateway is where people log in.
create table account (
    agent_id      text primary key,
    display_name  text        not null,
    password_hash text        not null,
    roles         text        not null,
    updated_at    timestamptz not null
);

-- Proactive invitations the website hands to visitors.
create table invitation (
    invitation_id text primary key,
    queue_id      text        not null,
    page_url      text,
    created_at    timestamptz not null,
    expires_at    timestamptz not null
);

-- Projections of other services' events, shared by every gateway instance and written idempotently.

-- Latest version of each queue, agent profile, idle code, wrap-up reason and template.
create table reference_item (
    kind    text    not null,
    item_id text    not null,
    name    text    not null,
    body    text,
    payload text    not null,
    deleted boolean not null,
    primary key (kind, item_id)
);

-- Agent presence as routing last announced it.
create table agent_presence (
    agent_id     text primary key,
    display_name text,
    state        text        not null,
    idle_code    text,
    active_chats int         not null,
    capacity     int         not null,
    queue_ids    text        not null,
    changed_at   timestamptz not null
);

-- Offers routing made to agents; status PENDING, ACCEPTED or WITHDRAWN.
create table agent_offer (
    offer_id        text primary key,
    conversation_id text        not null,
    agent_id        text        not null,
    status          text        not null,
    expires_at      timestamptz,
    offered         text        not null,
    closed_reason   text
);
create index agent_offer_pending on agent_offer (agent_id) where status = 'PENDING';
create index agent_offer_conversation on agent_offer (conversation_id);

-- What an agent is to a conversation (participant state), for authorisation, lists and history.
create table conversation_access (
    conversation_id   text        not null,
    agent_id          text        not null,
    agent_name        text,
    participant_state text        not null,
    state_seq         bigint      not null,
    wrap_up_code      text,
    wrap_up_label     text,
    updated_at        timestamptz not null,
    primary key (conversation_id, agent_id)
);
create index conversation_access_agent on conversation_access (agent_id, updated_at desc);

-- One line per conversation: state, customer, queue, last sequence number.
create table conversation_summary (
    conversation_id  text primary key,
    state            text,
    state_seq        bigint      not null default 0,
    customer_name    text,
    queue_id         text,
    queue_name       text,
    proactive        boolean     not null default false,
    started_at       timestamptz,
    last_seq         bigint      not null default 0,
    last_activity_at timestamptz,
    queue_position   int
);

-- Every conversation event with its sequence number: resync, transcripts, offer threads, history.
create table conversation_event (
    conversation_id text        not null,
    seq             bigint      not null,
    event_type      text        not null,
    occurred_at     timestamptz not null,
    payload         text        not null,
    primary key (conversation_id, seq)
);
