-- Erasure on request (issue 17, docs/privacy.md): when the customer's data of the conversation was erased. Afterwards
-- no survey is taken and a wrap-up note is not stored.
alter table conversation add column erased_at timestamptz;
-- Retention (docs/privacy.md): the scheduled purge looks for conversations that ended long enough ago.
create index conversation_closed_at on conversation (closed_at) where closed_at is not null;
