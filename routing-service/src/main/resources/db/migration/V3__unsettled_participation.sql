-- An accepted offer is the agent's participation in the chat. Its slot is released at WRAP_UP; the participation is
-- settled once the conversation service reports it DONE or WITHDRAWN (or the conversation CLOSED). Until then the
-- chat is not offered to that agent again (docs/api/routing.md, "Routing rules").
alter table offer add column settled_at timestamptz;
-- Offers accepted before this column existed: their release is the best knowledge there is of their end.
update offer set settled_at = released_at where released_at is not null;
alter table offer add constraint offer_settled_after_release check (settled_at is null or released_at is not null);
create index offer_unsettled on offer (conversation_id, agent_id) where status = 'ACCEPTED' and settled_at is null;
