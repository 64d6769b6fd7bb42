-- plan pages count visible comments; let that be an index-only count.
CREATE INDEX comments_plan_state ON comments(plan_id, state);
