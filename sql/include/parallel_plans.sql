-- Shared prelude, not a test: parallel costs zeroed, so that the planner
-- runs an aggregate in workers (Partial Aggregate) and combines their
-- states (Finalize Aggregate); the leader takes part as :leader says (on,
-- off).  sql/include/serial_plans.sql resets these settings.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = :leader;
