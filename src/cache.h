/*
 * cache.h
 *		The one design of foistats' per-backend caches, used by classify_fmgr.c
 *		(the Home Office list, the overrides and the memo of classified titles)
 *		and terms_fmgr.c (compiled term dictionaries).  A new cache should use
 *		it too.
 *
 * A cache is built from a few tables, its sources, and must always agree with
 * what the query that uses it sees, as if it read the tables itself:
 *
 * Versions.  foistats.cache_version holds a row per cache (src/cache.sql).
 *	After every statement that writes a source, its statement trigger calls
 *	foistats_cache_bump(), which sets the cache's version to a fresh nextval()
 *	of foistats.cache_version_seq -- never reused, not even after a rollback --
 *	and queues a relcache invalidation of cache_version.  What a backend builds
 *	is tagged with the version it was built from (FoistatsCacheTag; the tag
 *	also holds cache_version's OID, new when the extension is re-created and
 *	the sequence starts again).
 *
 * Reading the version.  foistats_cache_read() reads the version with the
 *	caller's active snapshot, the snapshot the cache is then built with, so
 *	the cache is exactly as current as the query:
 *	  - a committed change is seen by every session's next transaction, and
 *		by a READ COMMITTED statement that starts after the commit;
 *	  - a REPEATABLE READ transaction keeps the sources as of its snapshot
 *		(and what it builds is tagged with the version it actually saw, so the
 *		next transaction rebuilds);
 *	  - a change not yet committed, or rolled back, by another session is
 *		never seen; one's own uncommitted change is.
 *	Writers of one cache's sources serialize on its cache_version row: that is
 *	what makes every committed change a new visible version (a concurrent
 *	writer in REPEATABLE READ gets a serialization failure, to be retried).
 *
 * When to read it: the stamp.  Reading the version is one small SPI query:
 *	cheap per statement, far too dear per row.  So a cache keeps a stamp of
 *	the moment its tag was last confirmed (foistats_cache_stamp): the local
 *	transaction, the number of cache_version invalidations this backend has
 *	processed, and which transactions the active snapshot sees.  While the
 *	stamp is current (foistats_cache_current(): a few compares, the per-row
 *	cost) the tag stands; otherwise the version is read again, and the cache
 *	rebuilt only when it differs.  The stamp changes
 *	  - in a new transaction;
 *	  - with a snapshot taken after another session's commit: two MVCC
 *		snapshots with the same xmin, xmax and counts of in-progress xids see
 *		the same committed transactions (an xid below xmax that was not in
 *		progress has completed and cannot be in progress again, so a commit in
 *		between moves xmax or shrinks a count; recovery snapshots count their
 *		xids in subxcnt).  snapXactCompletionCount would say this directly,
 *		but CopySnapshot() zeroes it and active snapshots are copies: keyed on
 *		it, terms re-read its version every row (8 times the scan floor);
 *	  - after this session changed a source under the same snapshot (the
 *		trigger's invalidation is processed locally at the end of the command)
 *		or rolled such a change back to a savepoint (processed again when the
 *		subtransaction aborts): the invalidation count moves.
 *	A stamp taken with no active MVCC snapshot is never current.
 */
#ifndef FOISTATS_CACHE_H
#define FOISTATS_CACHE_H

#include "postgres.h"

#include "storage/proc.h"
#include "utils/snapmgr.h"
#include "utils/snapshot.h"

/* the version a cache was built from */
typedef struct FoistatsCacheTag
{
	Oid			relid;			/* foistats.cache_version's OID */
	int64		version;
} FoistatsCacheTag;

/* the moment a tag was last confirmed (see above) */
typedef struct FoistatsCacheStamp
{
	LocalTransactionId lxid;	/* InvalidLocalTransactionId: never current */
	uint64		invals;
	TransactionId xmin;
	TransactionId xmax;
	uint32		xcnt;
	int32		subxcnt;
} FoistatsCacheStamp;

/* cache_version invalidations processed by this backend (and cache resets) */
extern uint64 foistats_cache_invals;

/*
 * The version of cache "cache" (its row of foistats.cache_version in schema
 * nspid) as the active snapshot sees it.  Runs one SPI query.
 */
extern void foistats_cache_read(Oid nspid, const char *cache, FoistatsCacheTag *tag);

/* Stamp this moment into *stamp: call it after foistats_cache_read(). */
extern void foistats_cache_stamp(FoistatsCacheStamp *stamp);

/*
 * For statement triggers on a cache's sources: a new version of cache
 * "cache", seen by this session's next command and by other sessions once
 * this transaction commits.  Runs as the owner of cache_version, so writing
 * a source needs no privilege on it.
 */
extern void foistats_cache_bump(Oid nspid, const char *cache);

static inline bool
foistats_cache_tag_equal(const FoistatsCacheTag *a, const FoistatsCacheTag *b)
{
	return a->relid == b->relid && a->version == b->version;
}

/* Is the stamp this moment's?  The check every row pays. */
static inline bool
foistats_cache_current(const FoistatsCacheStamp *stamp)
{
	Snapshot	snap;

	if (stamp->invals != foistats_cache_invals || stamp->lxid != MyProc->lxid ||
		!ActiveSnapshotSet())
		return false;
	snap = GetActiveSnapshot();
	return snap->xmin == stamp->xmin && snap->xmax == stamp->xmax &&
		snap->xcnt == stamp->xcnt && snap->subxcnt == stamp->subxcnt &&
		snap->snapshot_type == SNAPSHOT_MVCC;
}

#endif							/* FOISTATS_CACHE_H */
