-- A message the customer left with the widget's message form (issue 14: outside business hours, or after the
-- queue's maximum wait), as ConversationQueued.leftMessage says: the queue's maximum wait never ends it, it waits
-- until an agent can take it. Kept on a queue offer too, so a chat that goes back to its queue (RONA, decline) is
-- still one. Existing rows are live chats.
alter table waiting_chat add column left_message boolean not null default false;
alter table offer add column left_message boolean not null default false;
