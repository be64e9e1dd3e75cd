ALTER TABLE workspaces DROP COLUMN network_version;
