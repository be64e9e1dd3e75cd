DROP INDEX changes_by_resource;
DROP TABLE webhook_deliveries;
DROP TABLE webhook_cursors;
DROP TABLE webhook_endpoints;
