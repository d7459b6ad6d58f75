/*
 * request.c
 *		The C part of requests as data (src/request.sql).
 *
 *	foistats.check_expression(expr text, what text) -> void
 *
 * A request definition holds SQL written by its author: populations,
 * measures, row expressions, record bindings.  The request layer pastes each
 * into a query, so each must be exactly one value expression: not a second
 * statement, not a FROM or WHERE clause smuggled in after a closing
 * parenthesis, not a set operation.  This checks that with PostgreSQL's own
 * grammar: "SELECT (expr)" must parse to one SELECT with one target and no
 * other clause.  It does not look at names or types (the caller then runs
 * the expression on a sample record for that).
 */
#include "postgres.h"

#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(foistats_check_expression);

static bool
is_single_expression(List *parsetree)
{
	RawStmt    *raw;
	SelectStmt *s;

	if (list_length(parsetree) != 1)
		return false;
	raw = linitial_node(RawStmt, parsetree);
	if (!IsA(raw->stmt, SelectStmt))
		return false;
	s = (SelectStmt *) raw->stmt;
	return s->op == SETOP_NONE && s->distinctClause == NIL && s->intoClause == NULL &&
		list_length(s->targetList) == 1 && s->fromClause == NIL &&
		s->whereClause == NULL && s->groupClause == NIL && s->havingClause == NULL &&
		s->windowClause == NIL && s->valuesLists == NIL && s->sortClause == NIL &&
		s->limitOffset == NULL && s->limitCount == NULL && s->lockingClause == NIL &&
		s->withClause == NULL &&
		((ResTarget *) linitial(s->targetList))->name == NULL;
}

Datum
foistats_check_expression(PG_FUNCTION_ARGS)
{
	char	   *expr = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *what = PG_ARGISNULL(1) ? "expression" : text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *sql = psprintf("SELECT (%s\n)", expr);
	List	   *parsetree = NIL;
	MemoryContext oldcxt = CurrentMemoryContext;

	PG_TRY();
	{
		parsetree = raw_parser(sql, RAW_PARSE_DEFAULT);
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(oldcxt);
		edata = CopyErrorData();
		FlushErrorState();
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("%s is not valid SQL: %s", what, edata->message),
				 errdetail("Expression: %s", expr)));
	}
	PG_END_TRY();
	if (!is_single_expression(parsetree))
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("%s must be a single SQL expression", what),
				 errdetail("Expression: %s", expr),
				 errhint("Write one boolean or value expression, e.g. victim_age < 18 AND foistats.is_sexual_offence(offence); no statements, clauses or semicolons.")));
	PG_RETURN_VOID();
}
