-- A client message id identifies a message of one sender: the customer and an agent (or two agents in a
-- conference) may well pick the same one ("m-1"). A resend by the same sender is still stored once.
alter table chat_message drop constraint chat_message_conversation_id_message_id_key;
create unique index chat_message_sender_message_id
    on chat_message (conversation_id, sender_type, coalesce(sender_id, ''), message_id);
