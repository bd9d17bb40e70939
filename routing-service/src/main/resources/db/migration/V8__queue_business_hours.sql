-- Business hours per queue (issue 14): the schedule as JSON ({"timeZone", "weekly": [{"day", "opens", "closes"}],
-- "holidays"}, the contract's BusinessHours). Null: the queue is always open. While closed, its chats wait without
-- being offered and their maximum time in queue counts only from the opening.
alter table routing_queue add column business_hours text;
