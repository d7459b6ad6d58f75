/*
 * foistats.h
 *		Module-wide helpers shared by the concept files.
 */
#ifndef FOISTATS_H
#define FOISTATS_H

/* The schema-qualified, quoted name of object "name" in schema nspid. */
extern char *foistats_qualified_name(Oid nspid, const char *name);

/*
 * SPI with a safe search_path.  Queries that the extension runs through SPI
 * (reading its dictionaries and reference tables) must not resolve an
 * operator or function through the caller's search_path, where a hostile
 * schema could shadow pg_catalog's.  foistats_spi_connect() connects and sets
 * search_path to "pg_catalog, pg_temp" for the duration; foistats_spi_finish()
 * restores it and disconnects.  On error, transaction abort restores both.
 */
extern int	foistats_spi_connect(void);
extern void foistats_spi_finish(int guc_nestlevel);

/* ERROR when argument argno of checking function fn is NULL. */
extern void foistats_require_table(FunctionCallInfo fcinfo, int argno, const char *fn);

#endif							/* FOISTATS_H */
