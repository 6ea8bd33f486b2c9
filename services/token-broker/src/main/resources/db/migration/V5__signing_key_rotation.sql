-- Signing keys rotate. A key rotated out stops signing at retired_at and stays published (for
-- verification) until every token it signed has expired; then its row is deleted. Active keys
-- have no retired_at.
alter table signing_key add column retired_at timestamptz;
update signing_key set retired_at = created_at where not active;
alter table signing_key add constraint signing_key_retired_unless_active check (active = (retired_at is null));
