-- The ids other systems (a CRM) know a resource by: unique among the live resources of a
-- kind in a workspace, per system. A deleted resource keeps its ids, released, so that its
-- tombstone still names them and a new resource may claim them.
CREATE TABLE external_ids (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    system TEXT NOT NULL,
    external_id TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    released_at TIMESTAMP,
    PRIMARY KEY (workspace_id, resource_type, resource_id, system, external_id)
);
CREATE UNIQUE INDEX external_ids_live ON external_ids (workspace_id, resource_type, system, external_id) WHERE released_at IS NULL;
