-- A new password, other roles, or disabling or enabling an account increments its credentials version (a new display
-- name does not). A staff token carries the version it was issued at, so such a change refuses the tokens issued
-- before, and the sockets opened with them are closed.
alter table account add column credentials_version integer not null default 0;
