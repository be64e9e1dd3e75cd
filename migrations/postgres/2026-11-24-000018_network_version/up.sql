-- Counts every change to who knows whom in a workspace (connections, contacts, members,
-- whom a member has been in touch with), so that an instance may keep the workspace's
-- graph in memory for as long as the count it read is current.
ALTER TABLE workspaces ADD COLUMN network_version BIGINT NOT NULL DEFAULT 0;
