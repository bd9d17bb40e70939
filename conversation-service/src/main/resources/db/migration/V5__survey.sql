-- The customer's satisfaction survey, after the end: at most one per conversation (the primary key backs the rule
-- the conversation service checks under the conversation's lock). The comment is masked text, like every column here.
create table survey (
    conversation_id text primary key references conversation (id),
    queue_id text not null,
    rating int not null check (rating between 1 and 5),
    comment text,
    submitted_at timestamptz not null
);
create index survey_queue on survey (queue_id, submitted_at);
