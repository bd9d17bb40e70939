-- The waiting notice (issue 14): routing's WaitingNoticeIssued, kept with the conversation so the customer's hello
-- repeats it while the chat still waits; cleared when an agent accepts the chat (ChatAssigned). Null: no notice.
alter table conversation_summary add column waiting_notice_seconds integer;
alter table conversation_summary add column waiting_notice_text varchar(500);
