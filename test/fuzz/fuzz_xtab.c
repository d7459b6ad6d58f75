/*
 * fuzz_xtab.c
 *		libFuzzer harness of the xtab input functions: text input
 *		(xtab_from_cstring, behind xtab_in), binary receive (xtab_recv_from,
 *		behind xtab_recv) and the flat stored form (xtab_expand, which the
 *		aggregates' deserialize also uses), outside the server through
 *		test/fuzz/pg_shim.c.
 *
 * Input: a mode byte (modulo 3: 0 text, 1 binary, 2 flat form), then the
 * value's bytes (text: cut at the first NUL, as a C string is, and only
 * when it is valid UTF-8, as the server sees it).
 *
 * Properties: an input is either accepted or rejected with an ERROR that
 * has a message and is not an internal error (XX000); an accepted value
 * round-trips -- its text form reads back to the same text, its binary form
 * (xtab_send_to) reads back to the same text, and so does its flat form.
 * With FOISTATS_FUZZ_XTAB_STRICT=1 in the environment, also: the text form
 * of every value accepted by binary or flat input is accepted by text input
 * (binary input may not accept what text input rejects).
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/elog.h"

#include "xtab.h"
#include "pg_shim.h"

#include "fuzz_assert.h"


static bool strict = false;

/* Run one step; false (with shim_message) when it raised an ERROR. */
#define TRY(stmt) ({ \
	sigjmp_buf	jb_; \
	sigjmp_buf *save_ = shim_try; \
	bool		ok_ = true; \
	if (sigsetjmp(jb_, 0) == 0) { shim_try = &jb_; stmt; } \
	else { \
		ok_ = false; \
		FUZZ_ASSERT(shim_message[0] != '\0', "an ERROR without a message"); \
		FUZZ_ASSERT(shim_sqlstate != ERRCODE_INTERNAL_ERROR, "internal error: %s", shim_message); \
	} \
	shim_try = save_; \
	ok_; })

/* The value's text form, read back from its text, binary and flat forms. */
static void
check_round_trips(Xtab *xt, bool from_text)
{
	char	   *volatile text = NULL;
	char	   *volatile again = NULL;
	Xtab	   *volatile back = NULL;
	StringInfoData buf;
	struct varlena *volatile flat = NULL;

	FUZZ_ASSERT(TRY(text = xtab_to_cstring(xt)), "output failed: %s", shim_message);
	if (!TRY(back = xtab_from_cstring(text, CurrentMemoryContext)))
	{
		FUZZ_ASSERT(!from_text && !strict, "text output \"%.300s\" rejected by text input: %s",
			   text, shim_message);
		return;					/* binary accepted what text rejects: see README */
	}
	FUZZ_ASSERT(TRY(again = xtab_to_cstring(back)), "output failed: %s", shim_message);
	FUZZ_ASSERT(strcmp(text, again) == 0, "text round trip:\n%.300s\n%.300s", text, again);

	initStringInfo(&buf);
	FUZZ_ASSERT(TRY(xtab_send_to(xt, &buf)), "send failed: %s", shim_message);
	FUZZ_ASSERT(TRY(back = xtab_recv_from(&buf, CurrentMemoryContext)),
		   "its own binary form rejected: %s", shim_message);
	FUZZ_ASSERT(buf.cursor == buf.len, "binary form not read to its end");
	FUZZ_ASSERT(TRY(again = xtab_to_cstring(back)), "output failed: %s", shim_message);
	FUZZ_ASSERT(strcmp(text, again) == 0, "binary round trip:\n%.300s\n%.300s", text, again);

	FUZZ_ASSERT(TRY(flat = xtab_flatten(xt)), "flatten failed: %s", shim_message);
	FUZZ_ASSERT(TRY(back = xtab_expand(flat, CurrentMemoryContext)),
		   "its own flat form rejected: %s", shim_message);
	FUZZ_ASSERT(TRY(again = xtab_to_cstring(back)), "output failed: %s", shim_message);
	FUZZ_ASSERT(strcmp(text, again) == 0, "flat round trip:\n%.300s\n%.300s", text, again);
}

/*
 * FOISTATS_FUZZ_XTAB_EMIT=DIR (test/fuzz/make_corpus.sh): every accepted
 * text value is also written to DIR in its binary and flat forms (seeds of
 * modes 1 and 2), named after a hash of the text.
 */
static const char *emit_dir = NULL;

static void
emit_file(const char *kind, unsigned long h, char mode, const char *bytes, size_t n)
{
	char		path[4096];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/%s-%08lx", emit_dir, kind, h & 0xffffffffUL);
	f = fopen(path, "wb");
	FUZZ_ASSERT(f != NULL, "cannot write %s", path);
	fputc(mode, f);
	fwrite(bytes, 1, n, f);
	fclose(f);
}

static void
emit_forms(Xtab *xt, const uint8_t *text, size_t n)
{
	unsigned long h = 5381;
	StringInfoData buf;
	struct varlena *flat;

	for (size_t i = 0; i < n; i++)
		h = h * 33 + text[i];
	initStringInfo(&buf);
	xtab_send_to(xt, &buf);
	emit_file("binary", h, 1, buf.data, buf.len);
	flat = xtab_flatten(xt);
	emit_file("flat", h, 2, VARDATA(flat), VARSIZE(flat) - VARHDRSZ);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *s = getenv("FOISTATS_FUZZ_XTAB_STRICT");

	strict = s && strcmp(s, "1") == 0;
	emit_dir = getenv("FOISTATS_FUZZ_XTAB_EMIT");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Xtab	   *volatile xt = NULL;
	int			mode;

	if (size < 1 || size > 1000000)
		return 0;
	mode = data[0] % 3;
	data++;
	size--;
	if (mode == 0)
	{
		char	   *s = palloc(size + 1);

		memcpy(s, data, size);
		s[size] = '\0';
		/* the server verifies the encoding before a type's input function
		 * sees text (client input, COPY): invalid UTF-8 never reaches it */
		if (!pg_verifymbstr(s, strlen(s), true))
		{
			shim_reset();
			return 0;
		}
		if (TRY(xt = xtab_from_cstring(s, CurrentMemoryContext)))
		{
			check_round_trips(xt, true);
			if (emit_dir)
				emit_forms(xt, data, size);
		}
	}
	else if (mode == 1)
	{
		StringInfoData buf;

		/* what the server hands a recv function: the bytes, NUL-terminated */
		initStringInfo(&buf);
		appendBinaryStringInfo(&buf, (const char *) data, (int) size);
		if (TRY(xt = xtab_recv_from(&buf, CurrentMemoryContext)))
			check_round_trips(xt, false);
	}
	else
	{
		struct varlena *flat = palloc(VARHDRSZ + size);

		StringInfoData buf;
		bool		valid;

		SET_VARSIZE(flat, VARHDRSZ + size);
		memcpy(VARDATA(flat), data, size);
		/*
		 * The flat form is the binary form's byte stream, read without
		 * checking the encoding (it was checked when the value came in).
		 * Bytes binary input rejects (e.g. invalid UTF-8) must still not
		 * crash expand or output; the others must round-trip.
		 */
		initStringInfo(&buf);
		appendBinaryStringInfo(&buf, (const char *) data, (int) size);
		valid = TRY(xt = xtab_recv_from(&buf, CurrentMemoryContext));
		if (TRY(xt = xtab_expand(flat, CurrentMemoryContext)))
		{
			if (valid)
				check_round_trips(xt, false);
			else
				(void) TRY((void) xtab_to_cstring(xt));
		}
	}
	shim_reset();
	return 0;
}
