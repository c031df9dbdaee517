-- Digests count imported records by their own dates (issue 23): an ADR file without a date is
-- imported without one (decided_on null) and is never "decided this period". Records imported
-- before this migration got the import day instead; nothing in the row tells them apart, so they
-- keep it.
ALTER TABLE "decisions" ALTER COLUMN "decided_on" DROP NOT NULL;
