-- Every change is numbered: instances keep the highest version they have seen, so a slow periodic read can never
-- bring back a policy older than the one a PUT just installed.
alter table masking_policy add column version bigint not null default 1;

-- Who changed the masking policy, when, and from what to what.
create table masking_policy_change (
    id bigint generated always as identity primary key,
    version bigint not null unique,
    changed_at timestamptz not null,
    changed_by text not null,
    pci_enabled_before boolean not null,
    pci_enabled boolean not null,
    pii_enabled_before boolean not null,
    pii_enabled boolean not null
);
