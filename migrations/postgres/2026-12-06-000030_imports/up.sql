-- Each live contact's email addresses, one row each, so that an import (and later a
-- calendar or an email) finds the contact an address belongs to without reading them all.
-- Written by the contacts' own write path; a deleted contact has none.
CREATE TABLE contact_emails (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    email TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    PRIMARY KEY (workspace_id, email, contact_id)
);
CREATE INDEX contact_emails_by_contact ON contact_emails (contact_id);
INSERT INTO contact_emails (workspace_id, email, contact_id)
SELECT DISTINCT c.workspace_id, e.value, c.id
FROM contacts c, json_array_elements_text(c.emails::json) AS e (value)
WHERE c.deleted_at IS NULL;

-- An import job: the file as it was sent, read in chunks that each commit with the job's
-- progress, so that a job a restart interrupted resumes where its last chunk ended.
CREATE TABLE imports (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    id TEXT NOT NULL,
    -- Who imported: the owner of the contacts it creates.
    member_id TEXT NOT NULL REFERENCES members (id),
    format TEXT NOT NULL,
    -- The column preset recognised from the header, or `mapping`.
    preset TEXT,
    -- JSON: the explicit column mapping, when one was given.
    mapping TEXT,
    on_match TEXT NOT NULL,
    dry_run BOOLEAN NOT NULL,
    -- Calendars: whether attendees who match no contact become prospects.
    create_attendees BOOLEAN NOT NULL,
    -- queued, running, succeeded or failed.
    status TEXT NOT NULL,
    -- The file; emptied once the job ends.
    body TEXT NOT NULL,
    -- JSON: the header's columns that nothing reads.
    unknown_columns TEXT NOT NULL,
    -- JSON: calendars' attendees who matched no contact (the first thousand).
    unmatched_attendees TEXT NOT NULL,
    total INTEGER NOT NULL,
    processed INTEGER NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    -- Why a failed job failed.
    error TEXT,
    -- While running: when the instance working on it must have written progress by, or
    -- another takes it over.
    lease_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX imports_unfinished ON imports (created_at) WHERE finished_at IS NULL;

CREATE TABLE import_errors (
    workspace_id TEXT NOT NULL,
    import_id TEXT NOT NULL,
    -- The record's number among the file's records (the header not counted), from 1.
    row_number INTEGER NOT NULL,
    -- The file's line the record starts on (CSV), or null.
    line INTEGER,
    -- The field or column at fault, when one is.
    field TEXT,
    reason TEXT NOT NULL,
    PRIMARY KEY (workspace_id, import_id, row_number),
    FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, id)
);
