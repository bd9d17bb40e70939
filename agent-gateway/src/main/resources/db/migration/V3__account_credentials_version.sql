-- Every change an administrator makes to an account (password, roles, name, disabled) increments its credentials
-- version. A staff token carries the version it was issued at, so a changed password or a removed role refuses the
-- tokens issued before, and the sockets opened with them are closed.
alter table account add column credentials_version integer not null default 0;
