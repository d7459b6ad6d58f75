#!/usr/bin/env bash
# The exact optimum of test/bench/protect_optimum.sh (the loss bench) checked
# independently: on 40 protectable tiny tables (up to 12 cells) constraint
# generation must find the same least withheld cells and least withheld
# count as brute force over every pattern, and on the unprotectable ones
# report the master program infeasible; its protection check (its own
# augmenting paths) must agree with the core's exact audit on every pattern
# of six tables.  About 15 s; the bench itself (some 20 s more) is not in CI.
exec bash "$(dirname "$0")/../bench/protect_optimum.sh" --verify 40
