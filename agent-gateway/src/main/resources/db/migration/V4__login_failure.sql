-- Failed logins, shared by every gateway instance so that login throttling holds behind a load balancer (each
-- instance counting alone would let an attacker multiply the attempts by the number of instances). Times are the
-- database's clock, the same for every instance. Rows older than the failure window are deleted periodically.
create table login_failure (
    id        bigserial primary key,
    kind      text        not null, -- 'user' (the user name tried) or 'address' (the client address)
    subject   text        not null,
    failed_at timestamptz not null default now()
);

create index login_failure_by_subject on login_failure (kind, subject, failed_at);
