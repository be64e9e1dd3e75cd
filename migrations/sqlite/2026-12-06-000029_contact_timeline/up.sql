-- A contact's timeline, newest first, walked without reading the whole history.
CREATE INDEX interaction_contacts_timeline ON interaction_contacts (contact_id, occurred_at, interaction_id);
