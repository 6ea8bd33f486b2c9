-- The gateway (auth-gateway) is a client of its own kind: the only one that may ask for user session tokens.
alter table client drop constraint client_kind_check;
alter table client add constraint client_kind_check
    check (kind in ('content', 'auditor', 'administrator', 'gateway'));
