DROP TABLE contacts;
DROP TABLE refresh_tokens;
DROP TABLE members;
DROP TABLE workspaces;
DROP TABLE users;
DROP TABLE service_secrets;
