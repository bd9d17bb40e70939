-- A message the customer left with the widget's message form (issue 14: outside business hours, or after the
-- queue's maximum wait), not a live chat: every ConversationQueued carries it (leftMessage), and routing then never
-- ends the chat at the queue's maximum wait. Existing conversations are live chats.
alter table conversation add column left_message boolean not null default false;
