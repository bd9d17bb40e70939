-- Erasure on request (issue 17, docs/privacy.md): the audit of each request, who asked for which conversation and
-- when; completed_at once this gateway projected CustomerDataErased (its own copies erased too).
create table erasure (
    erasure_id      text primary key,
    conversation_id text        not null,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    completed_at    timestamptz
);
create index erasure_conversation on erasure (conversation_id, requested_at);
create index erasure_requested_at on erasure (requested_at desc);
