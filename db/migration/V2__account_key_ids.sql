-- The id of an actor's public key as its owner names it in signatures (keyId). Mostly "<actor>#main-key", but not
-- always (some servers publish keys at their own URLs), so it is stored rather than derived.
ALTER TABLE accounts ADD COLUMN public_key_id TEXT;
CREATE UNIQUE INDEX accounts_public_key_id_key ON accounts (public_key_id) WHERE public_key_id IS NOT NULL;
