-- When the agent entered their current state (idle code included), for the desktop's "time in state". changed_at
-- cannot say it: routing announces load changes (a chat assigned or finished) with the same state, and those move
-- changed_at. Existing rows start from their last change, the best value known.
alter table agent_presence add column state_since timestamptz;
update agent_presence set state_since = changed_at;
