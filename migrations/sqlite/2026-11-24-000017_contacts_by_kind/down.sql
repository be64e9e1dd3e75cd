DROP INDEX contacts_workspace_kind;
