/*
 * fuzz_marker.c
 *		libFuzzer harness of what a published cell's text means
 *		(src/marker.c): marker_read, marker_read_count, marker_bounds,
 *		marker_shown and marker_is_plain_withheld on the input as one
 *		NUL-terminated text (cut at its first NUL, as a C string is).
 *
 * Properties: a read cell has one consistent meaning (a count >= 0 and
 * equal to marker_read_count's; a blank is zero; a withheld cell's
 * 0 <= lo <= hi, and marker_bounds gives the same interval); a rejected
 * text says why, within the buffer; marker_bounds is an interval for any
 * text; marker_shown never shows a count or a blank; a plain withheld
 * marker reads as withheld and allows any count.
 */
#include "marker.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = fuzz_cstring(data, size);
	marker_meaning m;
	char		why[64];
	int64_t		v,
				lo,
				hi;
	bool		is_count;
	const char *shown;

	memset(why, 0x7f, sizeof(why));
	is_count = marker_read_count(s, &v);
	if (marker_read(s, &m, why, sizeof(why)))
	{
		switch (m.kind)
		{
			case MARKER_COUNT:
				FUZZ_ASSERT(m.value >= 0, "negative count");
				FUZZ_ASSERT(is_count && v == m.value, "marker_read and marker_read_count disagree");
				break;
			case MARKER_BLANK:
				FUZZ_ASSERT(m.value == 0, "blank with a value");
				break;
			case MARKER_WITHHELD:
				FUZZ_ASSERT(m.lo >= 0 && m.lo <= m.hi, "withheld [%lld, %lld]",
							(long long) m.lo, (long long) m.hi);
				marker_bounds(s, &lo, &hi);
				FUZZ_ASSERT(lo == m.lo && hi == m.hi, "marker_bounds [%lld, %lld] vs [%lld, %lld]",
							(long long) lo, (long long) hi, (long long) m.lo, (long long) m.hi);
				break;
			default:
				FUZZ_ASSERT(false, "kind %d", (int) m.kind);
		}
	}
	else
	{
		FUZZ_ASSERT(memchr(why, '\0', sizeof(why)) != NULL, "reason not terminated");
		FUZZ_ASSERT(why[0] != '\0', "rejected without a reason");
		FUZZ_ASSERT(!is_count, "a count marker_read rejects");
	}

	marker_bounds(s, &lo, &hi);
	FUZZ_ASSERT(lo >= 0 && lo <= hi, "bounds [%lld, %lld]", (long long) lo, (long long) hi);
	marker_bounds(NULL, &lo, &hi);
	FUZZ_ASSERT(lo == 0 && hi == MARKER_UNBOUNDED, "bounds of no marker");

	shown = marker_shown(s, MARKER_DEFAULT);
	FUZZ_ASSERT(shown != NULL, "nothing shown");
	FUZZ_ASSERT(marker_read(shown, &m, why, sizeof(why)) && m.kind == MARKER_WITHHELD,
				"shows \"%s\", which does not read as withheld", shown);

	if (marker_is_plain_withheld(s))
	{
		FUZZ_ASSERT(marker_read(s, &m, why, sizeof(why)) && m.kind == MARKER_WITHHELD &&
					m.lo == 0 && m.hi == MARKER_UNBOUNDED, "plain marker \"%s\" is a range", s);
	}
	fuzz_arena_reset();
	return 0;
}
