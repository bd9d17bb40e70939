-- The estimated wait (issue 14) reads each queue's most recent accepted queue offers (see QueuePositions.HISTORY).
create index offer_queue_answered on offer (queue_id, closed_at desc) where status = 'ACCEPTED' and kind = 'QUEUE';
create index offer_queue_released on offer (queue_id, released_at desc)
    where status = 'ACCEPTED' and kind = 'QUEUE' and released_at is not null;
