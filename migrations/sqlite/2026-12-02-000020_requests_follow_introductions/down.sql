-- The requests moved forward by up.sql keep their new stages: their introductions say
-- the same, and nothing records which moves the migration made.
SELECT 1;
