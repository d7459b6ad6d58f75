#!/usr/bin/env bash
# CI: the pg_regress suite and the isolation specs against a sanitized build of
# the module (test/sanitize.sh: UBSan with -fno-wrapv on Debian 12, where a
# postmaster with the ASan runtime preloaded cannot start; about 100 s on the
# 2-core machine, building included).  Fails on any sanitizer report or failed
# test.
exec bash "$(dirname "$0")/../sanitize.sh"
