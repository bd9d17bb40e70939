-- Customer inactivity per queue (issue 14): silence before the "are you still there?" warning, and further silence
-- before the chat ends as INACTIVE. Null: the conversation service's defaults (240 s and 60 s). Routing only carries
-- them to the conversation service, on each ChatOffered.
alter table routing_queue add column inactivity_warning_seconds integer;
alter table routing_queue add column inactivity_grace_seconds integer;
