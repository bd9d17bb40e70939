-- Issue 15, barge-in and take-over: a supervisor's part in a chat they joined without an offer. Such a
-- participation needs no wrap-up (it goes from WRAP_UP to DONE at once) and never keeps a chat alive on its own.
alter table participation add column supervisor boolean not null default false;
