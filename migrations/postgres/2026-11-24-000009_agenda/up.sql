-- The months holding a contact's birthday or other dates that matter, as a bitmask
-- (bit 0: January), so that the occasions of the next weeks read only the contacts that
-- have one (the index holds the mask: the others are skipped without reading the table).
-- Kept by the application from then on.
ALTER TABLE contacts ADD COLUMN occasion_months INTEGER NOT NULL DEFAULT 0;
UPDATE contacts SET occasion_months =
    (CASE WHEN birthday_month IS NULL THEN 0 ELSE 1 << (birthday_month - 1) END)
    | COALESCE(
        (SELECT bit_or(1 << ((d ->> 'month')::int - 1))
         FROM jsonb_array_elements(important_dates::jsonb) AS d),
        0);
CREATE INDEX contacts_occasions ON contacts (workspace_id, owner_id, occasion_months, deleted_at);

-- The agenda ranks every contact due by now: this index answers it without reading the
-- table (the names of the page's contacts are read afterwards).
DROP INDEX contacts_workspace_due;
CREATE INDEX contacts_agenda ON contacts (workspace_id, next_touch_due_at)
    INCLUDE (owner_id, deleted_at, id, relationship_kind, trust, cadence_days, last_interaction_at, created_at);
