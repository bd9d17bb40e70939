-- An administrator can disable an account: its logins, REST calls and socket upgrades are refused, even with a
-- token issued before. The row stays, so that the refusal holds until the account is enabled again.
alter table account add column disabled boolean not null default false;
