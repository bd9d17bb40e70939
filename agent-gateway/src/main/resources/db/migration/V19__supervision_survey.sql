-- Satisfaction per queue in the supervisor console (issue 14): one row per conversation's survey (SurveySubmitted),
-- counted for the queue the chat was last in (the event's queueId). Written idempotently (the first survey stays,
-- like conversation_summary.survey_rating), read back into supervision.SupervisorFigures: surveys today and their
-- average rating, the same after a restart and on every gateway instance.
create table supervision_survey (
    conversation_id text primary key,
    queue_id        text        not null,
    queue_name      text,
    rating          int         not null,
    submitted_at    timestamptz not null
);
create index supervision_survey_submitted on supervision_survey (submitted_at);

-- A gateway upgraded on a running system: the surveys it already projected (in the event log) are counted too.
insert into supervision_survey (conversation_id, queue_id, queue_name, rating, submitted_at)
select distinct on (e.conversation_id) e.conversation_id,
    coalesce(e.payload::jsonb ->> 'queueId', s.queue_id),
    case when s.queue_id = coalesce(e.payload::jsonb ->> 'queueId', s.queue_id) then s.queue_name end,
    (e.payload::jsonb ->> 'rating')::int,
    e.occurred_at
from conversation_event e
left join conversation_summary s on s.conversation_id = e.conversation_id
where e.event_type = 'SurveySubmitted'
    and coalesce(e.payload::jsonb ->> 'queueId', s.queue_id) is not null
    and e.payload::jsonb ->> 'rating' is not null
order by e.conversation_id, e.seq;
