-- Each sensitive type can be switched off on its own, within its category (PCI or PII): the types switched off,
-- as names separated by commas ('' for none). Storing what is off rather than what is on means that a type added
-- by a later version is masked until an administrator decides otherwise.
alter table masking_policy add column types_off text not null default '';

alter table masking_policy_change add column types_off_before text not null default '';
alter table masking_policy_change add column types_off text not null default '';
