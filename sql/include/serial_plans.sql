-- Shared prelude, not a test: the settings sql/include/parallel_plans.sql
-- made, reset.
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
