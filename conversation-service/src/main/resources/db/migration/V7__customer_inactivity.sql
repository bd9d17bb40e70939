-- Customer inactivity (issue 14). The queue's settings from its latest offer (null: the service's defaults), and
-- the running timer as absolute deadlines, moved by each customer message: the warning at inactivity_warn_at
-- (inactivity_warned once given), the end as INACTIVE at inactivity_end_at. A periodic scan applies what is due, so
-- a restart loses no deadline.
alter table conversation add column inactivity_warning_seconds integer;
alter table conversation add column inactivity_grace_seconds integer;
alter table conversation add column inactivity_warn_at timestamptz;
alter table conversation add column inactivity_end_at timestamptz;
alter table conversation add column inactivity_warned boolean not null default false;
create index conversation_inactivity_due on conversation (inactivity_warn_at)
    where state = 'CONNECTED' and inactivity_warn_at is not null;
