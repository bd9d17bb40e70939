-- Who monitored which conversation, and when (issue 15): one row each time a supervisor or administrator starts
-- monitoring a conversation they do not take part in (a resume on their desktop socket). Read by administrators
-- (GET /api/admin/supervision-audit). action: MONITOR (barge-in and take-over are not built yet).
create table supervision_audit (
    audit_id        bigserial primary key,
    supervisor_id   text        not null,
    supervisor_name text,
    action          text        not null,
    conversation_id text        not null,
    at              timestamptz not null
);
create index supervision_audit_conversation on supervision_audit (conversation_id, at);
create index supervision_audit_at on supervision_audit (at desc);
