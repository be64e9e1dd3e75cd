DROP TABLE changes;
DROP TABLE feed_heads;
DROP TABLE pending_changes;
