create table masking_policy (
    id smallint primary key check (id = 1),
    pci_enabled boolean not null,
    pii_enabled boolean not null,
    updated_at timestamptz not null,
    updated_by text not null
);
insert into masking_policy (id, pci_enabled, pii_enabled, updated_at, updated_by) values (1, true, true, now(), 'system');
