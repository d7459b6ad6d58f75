/*
 * classify_fmgr.c: SQL interface of the offence classifier (the algorithm is in
 * classify.c, which does not include postgres.h).
 *
 * Per backend, one cache holds
 *   - the reference list foistats.ho_offence (by code, by class, by normalised title),
 *   - the user's overrides foistats.offence_override (by normalised match key),
 *   - a memo of every distinct input string seen so far and its classification,
 * so a row costs one hash lookup.  It is kept current by the one cache design of
 * cache.h: it is tagged with the "classify" version, which the statement trigger on both
 * tables bumps, and a row pays only the stamp check (ensure_cache).  The cache lives in
 * a child of CacheMemoryContext and is rebuilt when the version it was built from is no
 * longer the one the query sees; the replaced cache is freed with the transaction that
 * replaced it.
 */
#include "postgres.h"

#include <ctype.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "cache.h"
#include "classify.h"
#include "foistats.h"

/* inputs longer than this are classified but not memoized */
#define MEMO_MAX_KEY 1024
/* a column of free text must not grow the memo without bound */
#define MEMO_MAX_ENTRIES 200000

typedef struct RefCode
{
	char		code[8];
	char		cls[8];			/* the class for a single offender */
	char		cls_multi[8];	/* 19J/19K when the list also files it there */
	char	   *ons_group;
	char	   *ons_class;		/* the ONS offence class ('Theft', 'Violence Against The Person') */
	int			family;
	char	   *title;
	char		section[8];		/* the first section its Home Office row cites ('47', '4A') */
	int			nsections;		/* the sections its rows cite, each once */
	char		sections[4][8];
	char	   *section_act[4];	/* the Act of each: its name without 'Act yyyy', normalised */
	char	   *seq;			/* offence_title_seq of title, made on first use */
	bool		seq_att;
	/* a code the list files in several classes by its victim (8N / 8S / 8T): per class,
	 * 'C' constable, 'E' emergency worker, '-' neither (from the class titles) */
	int			nvclass;
	char		vclass[8][8];
	char		vclass_victim[8];
	char	   *vclass_key[8];	/* offence_title_key of the class title */
	bool		vclass_att[8];	/* the class title says attempted */
} RefCode;

typedef struct RefKey
{
	char	   *key;			/* normalised title or class label */
	int			idx;			/* index into codes[], -1 when ambiguous */
	char	   *ons_group;		/* classes only */
	int			family;			/* classes only: OFAM_UNKNOWN when mixed */
	int			sexual;			/* classes only: 1 all codes sexual, 0 none, -1 mixed */
	int			ncodes;			/* classes only: distinct codes */
} RefKey;

/* the words of a Home Office title or class title (offence_title_key) -> class/code */
typedef struct WordKey
{
	char	   *key;
	bool		attempt;		/* the title states an attempt ('Attempted burglary ...') */
	char		victim;			/* 'C' constable, 'E' emergency worker, 0 (offence_title_key) */
	char		cls[8];			/* "" when titles with these words are in different classes */
	int			idx;			/* into codes[]; -1 when no single code */
	bool		code_title;		/* from a code's title, else only from class titles */
	bool		ambiguous;		/* titles with these words are different offences */
} WordKey;

typedef struct Override
{
	char	   *key;
	char		code[8];		/* "" when only a family is given */
	int			family;
} Override;

typedef struct Memo
{
	struct Memo *next;
	uint32		hash;
	int			len;
	char	   *key;
	/* result */
	char		code[8];
	char		cls[8];
	const char *ons_group;
	int			family;
	const char *matched_by;
	int			sexual;			/* 1, 0, -1 unknown */
	OffenceResult facts;		/* sex, ages, penetration, attempt, unparsed, reason */
	text	   *code_t;
	text	   *cls_t;
	text	   *family_t;
} Memo;

static MemoryContext cache_cxt = NULL;
static FoistatsCacheTag cache_tag;	/* the version it was built from; relid 0: none */
static FoistatsCacheStamp cache_stamp;	/* when cache_tag was last confirmed */

static RefCode *codes;
static int	ncodes;
static RefKey *titles;
static int	ntitles;
/* offence_title_seq of each titles[] key, made on first use (NULL: not yet) */
static char **title_seq;
static bool *title_seq_att;
static RefKey *classes;
static int	nclasses;
static RefKey *class_titles;	/* normalised class title -> class (idx unused) */
static int	nclass_titles;
static WordKey *word_keys;
static int	nword_keys;
static Override *overrides;
static int	noverrides;
/* the words (offence_title_key) of the ONS offence group and subgroup names */
static char **ons_keys;
static int	nons_keys;
/* the ONS group of every code of a family, when they share one (else NULL) */
static const char *family_ons[OFAM__COUNT];
static bool family_ons_mixed[OFAM__COUNT];

static Memo **buckets;
static uint32 nbuckets;
static uint32 nmemo;

static int64 stat_lookups,
			stat_misses,
			stat_loads;

static int
cmp_code(const void *a, const void *b)
{
	return strcmp(((const RefCode *) a)->code, ((const RefCode *) b)->code);
}

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(((const RefKey *) a)->key, ((const RefKey *) b)->key);
}

static int
cmp_key_idx(const void *a, const void *b)
{
	int			c = cmp_key(a, b);

	if (c != 0)
		return c;
	return ((const RefKey *) a)->idx - ((const RefKey *) b)->idx;
}

/*
 * Sort k[0..n) by cmp and keep one entry per key, folding each later entry
 * with the same key into the one kept (merge); returns how many are kept.
 */
static int
merge_keys(RefKey *k, int n, int (*cmp) (const void *, const void *),
		   void (*merge) (RefKey *kept, const RefKey *same))
{
	int			j = 0;

	qsort(k, n, sizeof(RefKey), cmp);
	for (int i = 0; i < n; i++)
	{
		if (j > 0 && strcmp(k[j - 1].key, k[i].key) == 0)
			merge(&k[j - 1], &k[i]);
		else
			k[j++] = k[i];
	}
	return j;
}

/* titles: one entry per key, -1 when two codes share a title */
static void
merge_title(RefKey *kept, const RefKey *same)
{
	if (kept->idx != same->idx)
		kept->idx = -1;
}

/* classes: family kept only when every code of the class has the same one */
static void
merge_class(RefKey *kept, const RefKey *same)
{
	if (kept->family != same->family)
		kept->family = OFAM_UNKNOWN;
	if (kept->sexual != same->sexual)
		kept->sexual = -1;
	if (kept->idx != same->idx)
	{
		kept->ncodes++;
		kept->idx = same->idx;
	}
}

/* class titles: one class per title, else dropped (ons_group holds the class) */
static void
merge_class_title(RefKey *kept, const RefKey *same)
{
	if (strcmp(kept->ons_group, same->ons_group) != 0)
		kept->idx = -1;
}

static int
cmp_override(const void *a, const void *b)
{
	return strcmp(((const Override *) a)->key, ((const Override *) b)->key);
}

static int
cmp_word_key(const void *a, const void *b)
{
	const WordKey *x = a,
			   *y = b;

	if (x->attempt != y->attempt)
		return x->attempt ? 1 : -1;
	if (x->victim != y->victim)
		return x->victim < y->victim ? -1 : 1;
	return strcmp(x->key, y->key);
}

static WordKey *
find_word_key(const char *key, bool attempt, char victim)
{
	WordKey		k;

	k.key = (char *) key;
	k.attempt = attempt;
	k.victim = victim;
	if (nword_keys == 0)
		return NULL;
	return bsearch(&k, word_keys, nword_keys, sizeof(WordKey), cmp_word_key);
}

/*
 * Class titles repeat on every row of their class: their keys are computed once per
 * distinct title while the cache loads (ct_memo lives in cache_cxt).
 */
typedef struct CtMemo
{
	const char *title;
	char	   *key;			/* NULL: no key */
	bool		attempt;
	char		victim;
} CtMemo;
static CtMemo *ct_memo;
static int	nct_memo,
			ct_memo_size;

static char *word_key_of(const char *s, bool *attempt, char *victim);

static char *
class_title_key(const char *title, bool *attempt, char *victim)
{
	int			i;

	for (i = nct_memo - 1; i >= 0; i--)
		if (strcmp(ct_memo[i].title, title) == 0)
		{
			*attempt = ct_memo[i].attempt;
			*victim = ct_memo[i].victim;
			return ct_memo[i].key;
		}
	if (nct_memo == ct_memo_size)
	{
		ct_memo_size = ct_memo_size ? ct_memo_size * 2 : 256;
		ct_memo = ct_memo ? repalloc(ct_memo, sizeof(CtMemo) * ct_memo_size) :
			MemoryContextAlloc(cache_cxt, sizeof(CtMemo) * ct_memo_size);
	}
	ct_memo[nct_memo].title = MemoryContextStrdup(cache_cxt, title);
	ct_memo[nct_memo].key = word_key_of(title, attempt, victim);
	ct_memo[nct_memo].attempt = *attempt;
	ct_memo[nct_memo].victim = *victim;
	return ct_memo[nct_memo++].key;
}

/* offence_title_key of s in cache_cxt, or NULL when it has none or is too long */
static char *
word_key_of(const char *s, bool *attempt, char *victim)
{
	char		buf[1024];
	size_t		n = offence_title_key(s, strlen(s), buf, sizeof(buf), attempt, victim);

	if (n == 0 || n >= sizeof(buf))
		return NULL;
	return MemoryContextStrdup(cache_cxt, buf);
}

static RefCode *
find_code(const char *code)
{
	RefCode		k;

	if (!code || !code[0] || strlen(code) >= sizeof(k.code))
		return NULL;
	strcpy(k.code, code);
	return bsearch(&k, codes, ncodes, sizeof(RefCode), cmp_code);
}

static RefKey *
find_key(RefKey *arr, int n, const char *key)
{
	RefKey		k;

	k.key = (char *) key;
	return bsearch(&k, arr, n, sizeof(RefKey), cmp_key);
}

static int
family_by_name(const char *s)
{
	int			i;

	for (i = 0; i < OFAM__COUNT; i++)
		if (strcmp(s, offence_family_names[i]) == 0)
			return i;
	return OFAM_UNKNOWN;
}

static char *
spi_str(HeapTuple tup, TupleDesc desc, int col)
{
	char	   *v = SPI_getvalue(tup, desc, col);

	return v ? MemoryContextStrdup(cache_cxt, v) : NULL;
}

/* Load the reference list and the overrides of version *tag into a fresh cache. */
/*
 * The class of a code the list files in several classes by victim: the one class for
 * the title's victim ('C', 'E' or 0); an emergency worker's offence the list has no
 * emergency-worker class for is in the class for neither ('105A').  NULL when it
 * cannot tell.
 */
static const char *
victim_class(const RefCode *rc, char victim)
{
	const char *found = NULL;
	int			i,
				n = 0;
	char		want = victim ? victim : '-';

	for (i = 0; i < rc->nvclass; i++)
		if (rc->vclass_victim[i] == want)
		{
			found = rc->vclass[i];
			n++;
		}
	if (n == 0 && victim == 'E')
		return victim_class(rc, 0);
	return n == 1 ? found : NULL;
}

/* word w (a whole word) is in the space-separated key */
static bool
key_has(const char *key, const char *w, size_t wl)
{
	const char *p = key;

	while (p && *p)
	{
		const char *e = strchr(p, ' ');
		size_t		l = e ? (size_t) (e - p) : strlen(p);

		if (l == wl && strncmp(p, w, wl) == 0)
			return true;
		p = e ? e + 1 : NULL;
	}
	return false;
}

/*
 * The class of a code the list files in several classes by premises or property
 * (criminal damage 58A-58D, robbery 34A/34B, burglary ...), from the words of the
 * title: the class whose title's own words (those not in every one of the code's class
 * titles) the title has, the only one; else the class for the rest ('Other criminal
 * damage'), when the title has none of the others' words.  Attempted classes only for
 * an attempt.  NULL when it cannot tell.
 */
static const char *words_class_att(const RefCode *rc, const char *key, bool attempt);

static const char *
words_class(const RefCode *rc, const char *key, bool attempt)
{
	const char *c = words_class_att(rc, key, attempt);
	int			i;

	/* an attempt where the list has no attempted class: the offence's class */
	if (c == NULL && attempt)
	{
		for (i = 0; i < rc->nvclass; i++)
			if (rc->vclass_att[i])
				return NULL;
		c = words_class_att(rc, key, false);
	}
	return c;
}

static const char *
words_class_att(const RefCode *rc, const char *key, bool attempt)
{
	const char *found = NULL,
			   *rest = NULL;
	int			nfound = 0,
				nrest = 0,
				i;

	for (i = 0; i < rc->nvclass; i++)
	{
		const char *p;
		int			own = 0,
					have = 0;
		bool		only_other = true;

		if (rc->vclass_key[i] == NULL || rc->vclass_att[i] != attempt)
			continue;
		for (p = rc->vclass_key[i]; p && *p;)
		{
			const char *e = strchr(p, ' ');
			size_t		l = e ? (size_t) (e - p) : strlen(p);
			int			j;
			bool		common = true;

			for (j = 0; j < rc->nvclass && common; j++)
				if (rc->vclass_key[j] && !key_has(rc->vclass_key[j], p, l))
					common = false;
			if (!common)
			{
				own++;
				if (key_has(key, p, l))
					have++;
				if (!(l == 5 && strncmp(p, "OTHER", 5) == 0))
					only_other = false;
			}
			p = e ? e + 1 : NULL;
		}
		if (own == 0 || only_other)
		{
			rest = rc->vclass[i];
			nrest++;
		}
		else if (have == own)
		{
			found = rc->vclass[i];
			nfound++;
		}
		else if (have > 0)
			return NULL;		/* some of a class's words: cannot tell */
	}
	if (nfound == 1)
		return found;
	if (nfound == 0 && nrest == 1)
		return rest;
	return NULL;
}

/* the class a word_keys entry stands for, for a title with key/attempt/victim */
static const char *
entry_class(const WordKey *e, const char *key, bool attempt, char victim)
{
	const char *c;

	if (e->ambiguous)
		return NULL;
	if (e->cls[0])
		return e->cls;
	if (e->idx < 0)
		return NULL;
	c = victim_class(&codes[e->idx], victim);
	if (c == NULL && victim == 0)
		c = words_class(&codes[e->idx], key, attempt);
	return c;
}

/* every word of the key sub is in the key key */
static bool
key_subset(const char *sub, const char *key)
{
	const char *p = sub;

	while (p && *p)
	{
		const char *e = strchr(p, ' ');
		size_t		l = e ? (size_t) (e - p) : strlen(p);

		if (!key_has(key, p, l))
			return false;
		p = e ? e + 1 : NULL;
	}
	return true;
}

static int
key_words(const char *key)
{
	int			n = 0;
	const char *p;

	for (p = key; *p; p++)
		if (*p == ' ')
			n++;
	return *key ? n + 1 : 0;
}

/* some code of class cls is filed in another class by its victim (a constable, an
 * emergency worker): 8N, 8S, 8T, 105A, 104 ... */
static bool
class_split_by_victim(const char *cls)
{
	int			i,
				v;

	for (i = 0; i < ncodes; i++)
	{
		const RefCode *rc = &codes[i];
		bool		in = false,
					by_victim = false;

		for (v = 0; v < rc->nvclass; v++)
		{
			if (strcmp(rc->vclass[v], cls) == 0)
				in = true;
			if (rc->vclass_victim[v] == 'C' || rc->vclass_victim[v] == 'E')
				by_victim = true;
		}
		if (in && by_victim && rc->nvclass > 1)
			return true;
	}
	return false;
}

/*
 * A title that has every word of a Home Office title or class title and more
 * ('Attempted - Assault with Injury - Assault occasioning actual bodily harm',
 * 'Common assault and battery (Violence without injury)'): the longest such titles,
 * when they all stand for one class, and when the title's further words are in no
 * other class's titles ('racially aggravated ...', 'possession') and are not a
 * negation or a group ('other than', 'excluding', 'offences').  Titles of two words or
 * more, not of a class for the rest ('Other theft').  Returns the entry, its class in
 * *cls.
 */
static const WordKey *
contained_key(const char *key, bool attempt, char victim, const char **cls)
{
	static const char *const stop[] = {"THAN", "EXCEPT", "EXCLUDING", "EXCL", "NOT", "NON",
		"NO", "OTHER", "OFFENCE", "CRIME", "ALL", "TOTAL", "VARIOU", "MISCELLANEOU",
		"ATTEMPT", "INCLUDING", "INCL", NULL};
	const WordKey *best = NULL;
	const char *best_cls = NULL;
	int			best_n = 0,
				i;
	bool		clash = false;
	const char *p;
	char		ons_key[256];

	for (i = 0; i < nword_keys; i++)
	{
		const WordKey *e = &word_keys[i];
		int			n;
		const char *c;

		if (e->attempt != attempt)
			continue;
		if (e->victim != victim && !(e->victim == 0 && e->cls[0] == '\0'))
			continue;
		n = key_words(e->key);
		if (n < 2 || n < best_n || !key_subset(e->key, key))
			continue;
		/* not a residual class ('Other theft'): it does not name an offence */
		if (key_has(e->key, "OTHER", 5))
			continue;
		c = entry_class(e, key, attempt, victim);
		if (n > best_n)
		{
			best = e;
			best_cls = c;
			best_n = n;
			clash = (c == NULL);
		}
		else if (c == NULL || best_cls == NULL || strcmp(c, best_cls) != 0)
			clash = true;
	}
	if (best == NULL || clash || best_cls == NULL)
		return NULL;
	/*
	 * the words of the class's ONS group or subgroup and ONS class ('Theft Making Off
	 * Without Payment': 49A, in 'Other theft'; 'Common assault and battery (Violence
	 * without injury)': 105A; 'Theft - shoplifting': 46, of the class 'Theft') name
	 * where the offence is counted, not another offence
	 */
	{
		RefKey	   *ck = find_key(classes, nclasses, best_cls);
		bool		att2;
		char		vic2;
		size_t		on = 0;

		if (ck && ck->ons_group)
		{
			/* the group or subgroup and the ONS class ('Theft - shoplifting': 46) */
			char		names[256];
			const char *oc = ck->idx >= 0 ? codes[ck->idx].ons_class : NULL;

			snprintf(names, sizeof(names), "%s %s", ck->ons_group, oc ? oc : "");
			on = offence_title_key(names, strlen(names), ons_key, sizeof(ons_key),
								   &att2, &vic2);
		}
		if (on == 0 || on >= sizeof(ons_key))
			ons_key[0] = '\0';
	}
	/*
	 * a class the list splits by victim (8N / 8S / 8T, 105A / 104): a further word may
	 * name the victim ('Assault with injury on a nurse': an NHS worker is an emergency
	 * worker, 8T), so the title must have no further words
	 */
	if (victim == 0 && class_split_by_victim(best_cls))
	{
		for (p = key; p && *p;)
		{
			const char *e = strchr(p, ' ');
			size_t		l = e ? (size_t) (e - p) : strlen(p);

			if (!key_has(best->key, p, l) && !key_has(ons_key, p, l))
				return NULL;
			p = e ? e + 1 : NULL;
		}
	}
	/* the title's further words */
	for (p = key; p && *p;)
	{
		const char *e = strchr(p, ' ');
		size_t		l = e ? (size_t) (e - p) : strlen(p);
		int			j;

		if (!key_has(best->key, p, l) && !key_has(ons_key, p, l))
		{
			for (j = 0; stop[j]; j++)
				if (strlen(stop[j]) == l && strncmp(stop[j], p, l) == 0)
					return NULL;
			/* a word of the title of another class ('possession', 'aggravated'):
			 * only words no other class's titles use */
			for (j = 0; j < nword_keys; j++)
			{
				const WordKey *o = &word_keys[j];
				const char *oc;

				if (!key_has(o->key, p, l))
					continue;
				oc = o->cls[0] ? o->cls : NULL;
				if (oc == NULL || strcmp(oc, best_cls) != 0)
					return NULL;
			}
		}
		p = e ? e + 1 : NULL;
	}
	*cls = best_cls;
	return best;
}

/*
 * The title looks cut off ('Care provider breach duty of care resulting in ill',
 * 'Breach of non'): its last word is one no title ends with (of, in, to, an, the,
 * and, or, with, by, for, on, from, non; not 'a', a drug's class), or the first part of a hyphenated word of the Home
 * Office title whose words it has ('ill' of 'ill-treatment').  A cut label is not read
 * from the titles that hold its words.
 */
static bool
looks_cut(const char *s, int len, const char *ho_title)
{
	static const char *const ends[] = {"OF", "IN", "TO", "AN", "THE", "AND", "OR",
	"WITH", "BY", "FOR", "ON", "FROM", "NON", NULL};
	char		last[32];
	int			e = len,
				b,
				i,
				l;

	while (e > 0 && !isalpha((unsigned char) s[e - 1]))
	{
		if (s[e - 1] == ')' || s[e - 1] == '.')
			return false;		/* '(Sec 47)', 'etc.': a complete title */
		if (isdigit((unsigned char) s[e - 1]))
			return false;		/* 'aged 16 or 17', 'Sec 4': ends in a number */
		e--;
	}
	for (b = e; b > 0 && isalpha((unsigned char) s[b - 1]); b--)
		;
	l = e - b;
	if (l == 0 || l >= (int) sizeof(last) || (b > 0 && isdigit((unsigned char) s[b - 1])))
		return false;			/* 'Sec 4A' */
	for (i = 0; i < l; i++)
		last[i] = (char) toupper((unsigned char) s[b + i]);
	last[l] = '\0';
	for (i = 0; ends[i]; i++)
		if (strcmp(last, ends[i]) == 0)
			return true;
	if (ho_title)
	{
		const char *p;

		for (p = ho_title; *p; p++)
			if ((p == ho_title || !isalpha((unsigned char) p[-1])) &&
				pg_strncasecmp(p, last, l) == 0 && p[l] == '-' &&
				isalpha((unsigned char) p[l + 1]))
				return true;
	}
	return false;
}

/* s[0..len) holds t (case-insensitive); with word, not inside a longer word of letters */
static bool
has_ci(const char *s, int len, const char *t, bool word)
{
	int			tl = (int) strlen(t),
				i;

	for (i = 0; i + tl <= len; i++)
		if (pg_strncasecmp(s + i, t, tl) == 0 &&
			(!word || ((i == 0 || !isalpha((unsigned char) s[i - 1])) &&
					   (i + tl == len || !isalpha((unsigned char) s[i + tl])))))
			return true;
	return false;
}

#define has_ci_text(s, len, t) has_ci((s), (len), (t), false)
#define has_ci_word(s, len, w) has_ci((s), (len), (w), true)

/*
 * Where a Home Office title says what it does not count ('Forgery or copying false
 * instrument (other than drug prescription)', 'Theft in a dwelling other than from
 * automatic machine or meter'): the offset of 'other than' / 'excluding' / 'except' in
 * it, else -1
 */
static int
negation_at(const char *t)
{
	static const char *const neg[] = {"other than", "excluding", "except", NULL};
	int			len = (int) strlen(t),
				i,
				k;

	for (i = 0; i < len; i++)
		for (k = 0; neg[k]; k++)
		{
			int			nl = (int) strlen(neg[k]);

			if (i + nl <= len && pg_strncasecmp(t + i, neg[k], nl) == 0 &&
				(i == 0 || !isalpha((unsigned char) t[i - 1])) &&
				(i + nl == len || !isalpha((unsigned char) t[i + nl])))
				return i;
		}
	return -1;
}

/*
 * Of the words of key (a title key), how many the Home Office title t has only in what
 * it says it does not count (after 'other than' ...); *in_neg is set when one of them is
 * a word of the key.  e_key is t's own key: its words there are counted too, so that
 * the words it counts are key_words(e_key) less the result.
 */
static int
negated_words(const char *t, const char *e_key, const char *key, bool *in_neg)
{
	int			at = t ? negation_at(t) : -1,
				n = 0;
	const char *p;

	*in_neg = false;
	if (at < 0)
		return 0;
	for (p = e_key; p && *p;)
	{
		const char *e = strchr(p, ' ');
		size_t		l = e ? (size_t) (e - p) : strlen(p);
		char		w[OFF_WORD_MAX];

		if (l < sizeof(w))
		{
			memcpy(w, p, l);
			w[l] = '\0';
			if (has_ci_word(t + at, (int) strlen(t + at), w) && !has_ci_word(t, at, w))
			{
				n++;
				if (key_has(key, p, l))
					*in_neg = true;
			}
		}
		p = e ? e + 1 : NULL;
	}
	return n;
}

/*
 * A title whose words are all in Home Office titles of one class only, and are at least
 * half the words of one of them ('Theft Person': 'Theft from the person of another',
 * class 39): that class.  Not for a title of one word, nor with a word that makes it a
 * group ('offences', 'other', 'excluding' ...), nor one with the words of an ONS
 * offence group or subgroup name ('Stalking and harassment', 'Drug trafficking' is
 * not the one class whose titles hold those words).  Titles of an aggravated form the
 * title does not name are passed over ('Harassment, alarm or distress' is 9A's, not
 * 9B's 'Racially or religiously aggravated ...').  NULL when it cannot tell.
 */
static const char *
covering_class(const char *key, bool attempt, char victim, const char *s, int len,
			   bool *far)
{
	static const char *const stop[] = {"THAN", "EXCEPT", "EXCLUDING", "EXCL", "NOT", "NON",
		"NO", "OTHER", "OFFENCE", "CRIME", "ALL", "TOTAL", "VARIOU", "MISCELLANEOU",
		"INCLUDING", "INCL", "AND", "OR", NULL};
	static const char *const qualifier[] = {"RACIALLY", "RELIGIOUSLY", "AGGRAVATED",
	"ENDANGERING", "PRISON", "SUPPLY", NULL};
	const char *cls = NULL;
	int			nt = key_words(key),
				i,
				j,
				nneg = 0;
	bool		half = false,
				in_neg = false;
	int			pass;
	double		best_share = 0;
	const char *far_cls[8];
	int			nfar = 0;

	if (far)
		*far = false;
	if (nt < 2)
		return NULL;
	for (i = 0; stop[i]; i++)
		if (key_has(key, stop[i], strlen(stop[i])))
			return NULL;
	for (i = 0; i < nons_keys; i++)
		if (strcmp(ons_keys[i], key) == 0)
			return NULL;
	for (pass = 0; pass < 2; pass++)
	for (i = 0; i < nword_keys; i++)
	{
		const WordKey *e = &word_keys[i];
		const char *c;
		int			ew;

		if (e->attempt != attempt && !(attempt && !e->attempt))
			continue;
		if (victim && e->victim != victim && !(e->victim == 0 && e->cls[0] == '\0'))
			continue;
		if (!key_subset(key, e->key))
			continue;
		/* a word of the title only in what the Home Office title does not count */
		nneg = 0;
		if (e->code_title && e->idx >= 0)
		{
			nneg = negated_words(codes[e->idx].title, e->key, key, &in_neg);
			if (nneg > 0 && in_neg)
				continue;
		}
		/*
		 * the aggravated form of an offence ('racially or religiously aggravated ...',
		 * 'aggravated vehicle taking', '... endangering life'), one in prison, and a
		 * supply or an intent to supply are always named so: a title without the word
		 * is not it ('Possession of offensive weapon' is not 069/06's possession in
		 * prison, 'Possession of cannabis' not a possession with intent to supply)
		 */
		for (j = 0; qualifier[j]; j++)
			if (key_has(e->key, qualifier[j], strlen(qualifier[j])) &&
				!key_has(key, qualifier[j], strlen(qualifier[j])))
				break;
		if (qualifier[j])
			continue;
		/*
		 * a death or injury caused by driving (classes 4/4 - 4/9) is always named: a
		 * driving offence without one ('Driving whilst disqualified', 'Driving under
		 * the influence of drink or drugs', neither in the list) is not it
		 */
		if (key_has(e->key, "DRIVING", 7) &&
			(key_has(e->key, "DEATH", 5) || key_has(e->key, "INJURY", 6)) &&
			!key_has(key, "DEATH", 5) && !key_has(key, "INJURY", 6))
			continue;
		/*
		 * the share of the Home Office title's words the title has: the closest title
		 * found first (pass 0); a title of which the title has less than half that
		 * share names another, narrower offence and does not hold the class back ('GBH
		 * with intent' is most of 5D's 'Wounding with intent or causing grievous bodily
		 * harm with intent', a third of 5E's 'Causing explosions, sending explosive
		 * substance or throwing corrosive fluids with intent to do grievous bodily harm')
		 */
		ew = key_words(e->key) - nneg;
		if (ew < 1)
			ew = 1;
		if (pass == 0)
		{
			if ((double) nt / ew > best_share)
				best_share = (double) nt / ew;
			continue;
		}
		if ((double) nt / ew < best_share / 2)
		{
			/* another class's title passed over: the reason says so */
			const char *fc = entry_class(e, e->key, attempt, victim);

			if (nfar < 8)
				far_cls[nfar++] = fc ? fc : "";
			continue;
		}
		c = entry_class(e, e->key, attempt, victim);
		if (c == NULL || (cls && strcmp(c, cls) != 0))
			return NULL;
		cls = c;
		/* half of the words the Home Office title counts ('other than ...' aside) */
		if (2 * nt >= key_words(e->key) - nneg)
			half = true;
		if (looks_cut(s, len, e->idx >= 0 && e->code_title ? codes[e->idx].title : NULL))
			return NULL;
	}
	for (j = 0; far && half && cls && j < nfar; j++)
		if (strcmp(far_cls[j], cls) != 0)
			*far = true;
	return half ? cls : NULL;
}

/*
 * The entry for a title's words: an attempt first among titles that say attempted
 * ('Attempted burglary ...'), then among the rest; a victim the matched title does not
 * name only for a code the list files in several classes by victim ('Assault
 * occasioning ABH on an emergency worker').
 */
static const WordKey *
lookup_words(const char *key, bool attempt, char victim)
{
	WordKey    *w = attempt ? find_word_key(key, true, victim) : NULL;

	if (w == NULL)
		w = find_word_key(key, false, victim);
	if (w == NULL && victim && attempt)
		w = find_word_key(key, true, 0);
	if (w == NULL && victim)
		w = find_word_key(key, false, 0);
	if (w && victim && w->victim == 0 && !(w->cls[0] == '\0' && w->idx >= 0))
		w = NULL;
	return w;
}

/*
 * A title made of parts (' - ', ': ') that are each the words of a Home Office title
 * or class title of one class ('Attempted - Assault with Injury - Assault occasioning
 * actual bodily harm': class 8N's title, then 008/06's): that class.  Parts with no
 * words of an offence ('Attempted', 'Emergency Worker') are passed over, the attempt
 * and the victim read from the whole title; at least two parts must match, and every
 * other part must be one of those.  NULL when they do not agree.
 */
static const char *
parts_class(const char *s, int len, bool attempt, char victim)
{
	const char *cls = NULL;
	int			a = 0,
				i,
				matched = 0;

	for (i = 0; i <= len; i++)
	{
		bool		cut = false;
		int			skip = 0;

		if (i == len)
			cut = true;
		else if (i > 0 && i + 1 < len && s[i] == '-' && s[i - 1] == ' ' && s[i + 1] == ' ')
			cut = true, skip = 1;
		else if (i + 1 < len && s[i] == ':' && s[i + 1] == ' ')
			cut = true, skip = 1;
		if (!cut)
			continue;
		if (i > a)
		{
			char		key[1024];
			bool		att;
			char		vic;
			size_t		n = offence_title_key(s + a, i - a, key, sizeof(key), &att, &vic);

			if (n >= sizeof(key))
				return NULL;
			if (n > 0)
			{
				const WordKey *w = lookup_words(key, attempt || att, victim ? victim : vic);
				const char *c = w ? entry_class(w, key, attempt || att, victim ? victim : vic) : NULL;

				if (c == NULL || (cls && strcmp(c, cls) != 0))
					return NULL;
				cls = c;
				matched++;
			}
		}
		a = i + skip;
	}
	return matched >= 2 ? cls : NULL;
}

/*
 * word_keys from the codes' titles and the class titles: one entry per (attempt, words);
 * titles with the same words in different classes make it ambiguous, and its code is
 * the one code its code titles agree on, else the class's only code, else none.
 */
/*
 * The normalised title joins two offences with 'and' / 'or' ('EXPOSURE AND VOYEURISM'),
 * not an age ('16 AND OVER', '13 OR OVER')
 */
static bool
joins_offences(const char *nk)
{
	const char *p;

	for (p = nk; (p = strchr(p, ' ')) != NULL; p++)
	{
		const char *w = p + 1;
		const char *prev;

		if (!(strncmp(w, "AND ", 4) == 0 || strncmp(w, "OR ", 3) == 0))
			continue;
		/* the word before */
		for (prev = p; prev > nk && prev[-1] != ' '; prev--)
			;
		if (isdigit((unsigned char) prev[0]))
			continue;
		return true;
	}
	return false;
}

/* s[0..len) has the words of the Home Office title of code (offence_title_key) */
static bool
same_words(const char *s, int len, const char *code)
{
	RefCode    *rc = find_code(code);
	char		a[1024],
				b[1024];
	bool		atta,
				attb;
	char		va,
				vb;
	size_t		na,
				nb;

	if (rc == NULL || rc->title == NULL)
		return false;
	na = offence_title_key(s, len, a, sizeof(a), &atta, &va);
	nb = offence_title_key(rc->title, strlen(rc->title), b, sizeof(b), &attb, &vb);
	return na > 0 && na < sizeof(a) && nb < sizeof(b) && atta == attb && va == vb &&
		strcmp(a, b) == 0;
}

static bool code_in_class(const RefCode *rc, const char *cls);
static char *act_name(const char *act);

static void
build_word_keys(char **ct_title, char **ct_class, int nct, char **row_title, int *row_code,
				int nrow)
{
	WordKey    *wk = MemoryContextAllocZero(cache_cxt, sizeof(WordKey) * (nrow + nct + 1));
	int			n = 0,
				r,
				i,
				j;

	for (r = 0; r < nrow; r++)
	{
		bool		att;
		char		vic;
		char	   *key;

		i = row_code[r];
		if (row_title[r] == NULL || i < 0 ||
			(r > 0 && row_code[r - 1] == i && row_title[r - 1] &&
			 strcmp(row_title[r - 1], row_title[r]) == 0))
			continue;
		key = word_key_of(row_title[r], &att, &vic);
		if (key == NULL)
			continue;
		wk[n].key = key;
		wk[n].attempt = att;
		wk[n].victim = vic;
		strlcpy(wk[n].cls, codes[i].cls, sizeof(wk[n].cls));
		wk[n].idx = i;
		wk[n].code_title = true;
		/* in several classes: only when its victim decides which */
		wk[n].ambiguous = codes[i].cls[0] == '\0' && codes[i].nvclass == 0;
		n++;
	}
	for (i = 0; i < nct; i++)
	{
		bool		att;
		char		vic;
		char	   *key = ct_title[i] ? class_title_key(ct_title[i], &att, &vic) : NULL;
		RefKey	   *ck;

		/* the same (class, title) as the entry before: already in */
		if (i > 0 && ct_title[i - 1] && ct_title[i] && ct_class[i - 1] && ct_class[i] &&
			strcmp(ct_title[i - 1], ct_title[i]) == 0 && strcmp(ct_class[i - 1], ct_class[i]) == 0)
			continue;

		if (key == NULL || ct_class[i] == NULL)
			continue;
		ck = find_key(classes, nclasses, ct_class[i]);
		wk[n].key = key;
		wk[n].attempt = att;
		wk[n].victim = vic;
		strlcpy(wk[n].cls, ct_class[i], sizeof(wk[n].cls));
		wk[n].idx = ck && ck->ncodes == 1 ? ck->idx : -1;
		wk[n].code_title = false;
		wk[n].ambiguous = false;
		n++;
	}
	qsort(wk, n, sizeof(WordKey), cmp_word_key);
	for (i = 0, j = 0; i < n; i++)
	{
		WordKey    *p = j > 0 ? &wk[j - 1] : NULL;

		if (p && cmp_word_key(p, &wk[i]) == 0)
		{
			WordKey    *q = &wk[i];

			/*
			 * a code the list files in several classes whose title here is a class
			 * title too ('Other criminal damage': 058/00's title in 58D, and 58D's)
			 * names that class
			 */
			if (p->cls[0] == '\0' && q->cls[0] != '\0' && !q->code_title && p->code_title &&
				p->idx >= 0 && !p->ambiguous && code_in_class(&codes[p->idx], q->cls))
				strlcpy(p->cls, q->cls, sizeof(p->cls));
			else if (q->cls[0] == '\0' && p->cls[0] != '\0' && !p->code_title &&
					 q->code_title && q->idx >= 0 && !q->ambiguous &&
					 code_in_class(&codes[q->idx], p->cls))
				strlcpy(q->cls, p->cls, sizeof(q->cls));
			else if (p->cls[0] == '\0' && q->cls[0] == '\0' && p->code_title &&
					 q->code_title && p->idx >= 0 && q->idx >= 0 && p->idx != q->idx &&
					 !p->ambiguous && !q->ambiguous && p->victim == 0)
			{
				/*
				 * two codes the list files in several classes by premises, with the
				 * same words here ('Other criminal damage to a building business and
				 * community' is a title of 058/00 and of 149/00): the class both
				 * codes' titles of these words are in, without a code
				 */
				const char *a = words_class(&codes[p->idx], p->key, p->attempt);
				const char *b = words_class(&codes[q->idx], q->key, q->attempt);

				if (a && b && strcmp(a, b) == 0)
				{
					strlcpy(p->cls, a, sizeof(p->cls));
					strlcpy(q->cls, a, sizeof(q->cls));
					q->idx = p->idx = -1;
					p->code_title = q->code_title = false;
				}
			}
			if (strcmp(p->cls, q->cls) != 0 || q->ambiguous ||
				(p->cls[0] == '\0' && p->idx != q->idx))
				p->ambiguous = true;
			if (p->code_title && q->code_title && p->idx != q->idx)
				p->idx = -1;
			else if (!p->code_title && q->code_title)
			{
				p->idx = q->idx;
				p->code_title = true;
			}
			else if (!p->code_title && !q->code_title && p->idx != q->idx)
				p->idx = -1;
			continue;
		}
		wk[j++] = wk[i];
	}
	word_keys = wk;
	nword_keys = j;
}

static void
load_cache(Oid nsp, const FoistatsCacheTag *tag)
{
	int			spi_nest;
	char	   *nspname = get_namespace_name(nsp);
	const char *qn;
	StringInfoData q;
	int			i;

	/* until it is complete, the cache is no version's */
	cache_tag.relid = InvalidOid;
	cache_stamp.lxid = InvalidLocalTransactionId;
	/*
	 * The accessors return pointers into the cache (no copy per row), so an old cache
	 * is not freed here: it is handed to the current transaction, which frees it at its
	 * end, after every value returned from it has been copied or sent.
	 */
	if (cache_cxt != NULL)
		MemoryContextSetParent(cache_cxt, TopTransactionContext);
	cache_cxt = AllocSetContextCreate(CacheMemoryContext, "foistats classify cache",
									  ALLOCSET_DEFAULT_SIZES);
	codes = NULL;
	titles = classes = class_titles = NULL;
	nclass_titles = 0;
	overrides = NULL;
	ons_keys = NULL;
	nons_keys = 0;
	word_keys = NULL;
	nword_keys = 0;
	ct_memo = NULL;
	nct_memo = ct_memo_size = 0;
	buckets = NULL;
	ncodes = ntitles = nclasses = noverrides = 0;
	nbuckets = nmemo = 0;
	memset(family_ons, 0, sizeof(family_ons));
	memset(family_ons_mixed, 0, sizeof(family_ons_mixed));

	if (nspname == NULL)
		ereport(ERROR, (errcode(ERRCODE_UNDEFINED_SCHEMA),
						errmsg("schema of the foistats classifier not found")));
	qn = quote_identifier(nspname);
	if (!OidIsValid(get_relname_relid("ho_offence", nsp)) ||
		!OidIsValid(get_relname_relid("offence_override", nsp)))
		ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE),
						errmsg("foistats reference tables ho_offence and offence_override not found in schema %s",
							   nspname)));

	spi_nest = foistats_spi_connect();
	initStringInfo(&q);
	appendStringInfo(&q,
					 "SELECT ho_code, ho_class, ons_group, family, title, %s.offence_key(title), "
					 "%s.offence_key(class_title), class_title, section, ons_class, act "
					 "FROM %s.ho_offence ORDER BY ho_code, (ho_class IN ('19J','19K')), id",
					 qn, qn, qn);
	if (SPI_execute(q.data, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "cannot read ho_offence");
	{
		uint64		n = SPI_processed;
		TupleDesc	d = SPI_tuptable->tupdesc;
		RefKey	   *tk = MemoryContextAllocZero(cache_cxt, sizeof(RefKey) * (n + 1));
		RefKey	   *ck = MemoryContextAllocZero(cache_cxt, sizeof(RefKey) * (n + 1));
		RefKey	   *ctk = MemoryContextAllocZero(cache_cxt, sizeof(RefKey) * (n + 1));
		/* class titles as written: (class_title, class) */
		char	  **ct_title = MemoryContextAllocZero(cache_cxt, sizeof(char *) * (n + 1));
		char	  **ct_class = MemoryContextAllocZero(cache_cxt, sizeof(char *) * (n + 1));
		/* every row's offence title (a code can have several) and its code */
		char	  **row_title = MemoryContextAllocZero(cache_cxt, sizeof(char *) * (n + 1));
		int		   *row_code = MemoryContextAllocZero(cache_cxt, sizeof(int) * (n + 1));
		int			nrow = 0;
		int			ntk = 0,
					nck = 0,
					nctk = 0;

		codes = MemoryContextAllocZero(cache_cxt, sizeof(RefCode) * (n + 1));
		for (i = 0; i < (int) n; i++)
		{
			HeapTuple	t = SPI_tuptable->vals[i];
			char	   *code = SPI_getvalue(t, d, 1);
			char	   *cls = SPI_getvalue(t, d, 2);
			RefCode    *rc;

			if (ncodes > 0 && strcmp(codes[ncodes - 1].code, code) == 0)
			{
				rc = &codes[ncodes - 1];
				if (cls && (strcmp(cls, "19J") == 0 || strcmp(cls, "19K") == 0))
					strlcpy(rc->cls_multi, cls, sizeof(rc->cls_multi));
				else if (!cls || strcmp(cls, rc->cls) != 0)
					rc->cls[0] = '\0';	/* the list files the code in several classes */
			}
			else
			{
				rc = &codes[ncodes++];
				strlcpy(rc->code, code, sizeof(rc->code));
				strlcpy(rc->cls, cls ? cls : "", sizeof(rc->cls));
				rc->ons_group = spi_str(t, d, 3);
				rc->ons_class = spi_str(t, d, 10);
				rc->family = family_by_name(SPI_getvalue(t, d, 4));
				rc->title = spi_str(t, d, 5);
			}
			if (SPI_getvalue(t, d, 9) != NULL)
			{
				char	   *sec = SPI_getvalue(t, d, 9);
				char		found[4][8];
				int			nf;

				/* 'Sec 4A (1) (a) ...', 'section 4B(1)': its first section */
				if (pg_strncasecmp(sec, "sec", 3) == 0 &&
					(nf = offence_sections(sec, strlen(sec), found, 4)) >= 1)
				{
					int			x,
								y;

					if (rc->section[0] == '\0')
						strlcpy(rc->section, found[0], sizeof(rc->section));
					/* every section its rows cite ('Sec 9 & 13') */
					for (y = 0; y < nf; y++)
					{
						for (x = 0; x < rc->nsections; x++)
							if (strcmp(rc->sections[x], found[y]) == 0)
								break;
						if (x == rc->nsections && x < 4)
						{
							char	   *act = SPI_getvalue(t, d, 11);

							rc->section_act[x] = act ? act_name(act) : NULL;
							strlcpy(rc->sections[rc->nsections++], found[y],
									sizeof(rc->sections[0]));
						}
					}
				}
			}
			if (cls && strcmp(cls, "19J") != 0 && strcmp(cls, "19K") != 0 &&
				rc->nvclass < 8)
			{
				char	   *ctitle = SPI_getvalue(t, d, 8);
				char	   *ckey = NULL;
				bool		att = false;
				char		vic = 0;
				int			v;

				for (v = 0; v < rc->nvclass; v++)
					if (strcmp(rc->vclass[v], cls) == 0)
						break;
				if (v == rc->nvclass)
				{
					if (ctitle)
						ckey = class_title_key(ctitle, &att, &vic);
					strlcpy(rc->vclass[v], cls, sizeof(rc->vclass[v]));
					rc->vclass_victim[v] = vic ? vic : '-';
					rc->vclass_key[v] = ckey;
					rc->vclass_att[v] = att;
					rc->nvclass++;
				}
			}
			row_title[nrow] = spi_str(t, d, 5);
			row_code[nrow++] = ncodes - 1;
			if (cls && SPI_getvalue(t, d, 7) != NULL)
			{
				ctk[nctk].key = spi_str(t, d, 7);
				ctk[nctk].ons_group = MemoryContextStrdup(cache_cxt, cls);	/* the class */
				ctk[nctk].idx = 0;
				ct_title[nctk] = spi_str(t, d, 8);
				ct_class[nctk] = ctk[nctk].ons_group;
				nctk++;
			}
			if (rc->family >= 0 && rc->ons_group && !family_ons_mixed[rc->family])
			{
				if (family_ons[rc->family] == NULL)
					family_ons[rc->family] = rc->ons_group;
				else if (strcmp(family_ons[rc->family], rc->ons_group) != 0)
				{
					family_ons[rc->family] = NULL;
					family_ons_mixed[rc->family] = true;
				}
			}
			tk[ntk].key = spi_str(t, d, 6);
			tk[ntk].idx = ncodes - 1;
			ntk++;
			/* the multiple-offender classes 19J and 19K are keyed like any other */
			if (cls)
			{
				ck[nck].key = MemoryContextStrdup(cache_cxt, cls);
				ck[nck].idx = ncodes - 1;
				ck[nck].ons_group = rc->ons_group;
				ck[nck].family = rc->family;
				ck[nck].sexual = rc->family != OFAM_NON_SEXUAL;
				ck[nck].ncodes = 1;
				nck++;
			}
		}
		titles = tk;
		ntitles = merge_keys(tk, ntk, cmp_key, merge_title);
		title_seq = MemoryContextAllocZero(cache_cxt, sizeof(char *) * (ntitles + 1));
		title_seq_att = MemoryContextAllocZero(cache_cxt, sizeof(bool) * (ntitles + 1));
		classes = ck;
		nclasses = merge_keys(ck, nck, cmp_key_idx, merge_class);
		class_titles = ctk;
		nclass_titles = merge_keys(ctk, nctk, cmp_key, merge_class_title);

		build_word_keys(ct_title, ct_class, nctk, row_title, row_code, nrow);
	}

	if (OidIsValid(get_relname_relid("ons_category", nsp)))
	{
		resetStringInfo(&q);
		appendStringInfo(&q, "SELECT ons_group FROM %s.ons_category UNION "
						 "SELECT ons_subgroup FROM %s.ons_category", qn, qn);
		if (SPI_execute(q.data, true, 0) != SPI_OK_SELECT)
			elog(ERROR, "cannot read ons_category");
		ons_keys = MemoryContextAllocZero(cache_cxt, sizeof(char *) * (SPI_processed + 1));
		for (i = 0; i < (int) SPI_processed; i++)
		{
			char	   *name = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
			bool		att;
			char		vic;
			char	   *key = name ? word_key_of(name, &att, &vic) : NULL;

			if (key)
				ons_keys[nons_keys++] = key;
		}
	}

	resetStringInfo(&q);
	appendStringInfo(&q, "SELECT %s.offence_key(match), ho_code, family FROM %s.offence_override",
					 qn, qn);
	if (SPI_execute(q.data, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "cannot read offence_override");
	{
		uint64		n = SPI_processed;
		TupleDesc	d = SPI_tuptable->tupdesc;

		overrides = MemoryContextAllocZero(cache_cxt, sizeof(Override) * (n + 1));
		for (i = 0; i < (int) n; i++)
		{
			HeapTuple	t = SPI_tuptable->vals[i];
			char	   *code = SPI_getvalue(t, d, 2);
			char	   *fam = SPI_getvalue(t, d, 3);
			Override   *o = &overrides[noverrides++];

			o->key = spi_str(t, d, 1);
			if (o->key == NULL)
				o->key = MemoryContextStrdup(cache_cxt, "");
			strlcpy(o->code, code ? code : "", sizeof(o->code));
			o->family = fam ? family_by_name(fam) : OFAM_UNKNOWN;
		}
		qsort(overrides, noverrides, sizeof(Override), cmp_override);
	}
	foistats_spi_finish(spi_nest);

	nbuckets = 256;
	buckets = MemoryContextAllocZero(cache_cxt, sizeof(Memo *) * nbuckets);
	stat_loads++;
	cache_tag = *tag;
}

/* The version the query sees; a new cache when it is not the cache's. */
static void
check_cache(Oid fn_oid)
{
	Oid			nsp = get_func_namespace(fn_oid);
	FoistatsCacheTag tag;

	foistats_cache_read(nsp, "classify", &tag);
	if (!foistats_cache_tag_equal(&tag, &cache_tag))
		load_cache(nsp, &tag);
	foistats_cache_stamp(&cache_stamp);
}

static inline void
ensure_cache(FunctionCallInfo fcinfo)
{
	if (unlikely(!foistats_cache_current(&cache_stamp)))
		check_cache(fcinfo->flinfo->fn_oid);
}

static text *
cache_text(MemoryContext cxt, const char *s)
{
	MemoryContext old;
	text	   *t;

	if (s == NULL || s[0] == '\0')
		return NULL;
	old = MemoryContextSwitchTo(cxt);
	t = cstring_to_text(s);
	MemoryContextSwitchTo(old);
	return t;
}

/* m gets class ck (its ONS group and family), and its code when it is the only one */
static void
take_class(Memo *m, const RefKey *ck)
{
	strlcpy(m->cls, ck->key, sizeof(m->cls));
	m->ons_group = ck->ons_group;
	m->family = ck->family;
	m->sexual = ck->sexual;
	if (ck->ncodes == 1)
	{
		strlcpy(m->code, codes[ck->idx].code, sizeof(m->code));
		m->family = codes[ck->idx].family;
	}
}

/* how many classes have titles with the word w (a title key of one word); an
 * entry of titles in different classes counts as two */
static int
word_classes(const char *w)
{
	const char *first = NULL;
	size_t		wl = strlen(w);
	int			i;

	for (i = 0; i < nword_keys; i++)
	{
		const WordKey *e = &word_keys[i];

		if (!key_has(e->key, w, wl))
			continue;
		if (e->cls[0] == '\0')
			return 2;
		if (first == NULL)
			first = e->cls;
		else if (strcmp(first, e->cls) != 0)
			return 2;
	}
	return first ? 1 : 0;
}

/*
 * Classify s[0..len) by its words when it is not a Home Office title word for word (see
 * offence_title_key): sets m's class (and code when the class has one), matched_by
 * 'words' and the reason; returns the code to take the rest from, with its class by
 * victim or premises in *vcls_out, or NULL.
 */
static RefCode *
by_words(const char *s, int len, OffenceResult *r, Memo *m, const char **vcls_out)
{
	RefCode    *rc = NULL;
	const char *vcls = NULL;

	/* the words of a Home Office title or class title, in any order */
	char		wkey[1024];
	bool		att;
	char		vic;
	size_t		wn = offence_title_key(s, len, wkey, sizeof(wkey), &att, &vic);
	const WordKey *w = NULL;
	bool		w_unresolved = false;
	bool		far = false;

	if (wn > 0 && wn < sizeof(wkey) && looks_cut(s, len, NULL))
	{
		/* 'Theft from the person of': a label cut off is not read by its words */
		snprintf(r->reason, sizeof(r->reason), "%s",
				 "the title looks cut off (it ends in a word no title ends in)");
		r->n_unparsed = 0;
		*vcls_out = NULL;
		return NULL;
	}
	if (wn > 0 && wn < sizeof(wkey))
	{
		w = lookup_words(wkey, att, vic);
		/*
		 * One word that is not a Home Office title or class title ('Harassment',
		 * 'Murder' are) but one word of titles of several
		 * classes ('Fraud' is a word of 'Fraud etc', 99, and of titles in NFIB9,
		 * NFIB17, 814 ...): a force's one-word label names the kind of offence, a
		 * group of those classes, not the one title that has no other word
		 */
		if (w && !att && key_words(wkey) == 1 && word_classes(wkey) > 1 &&
			find_key(titles, ntitles, wkey) == NULL &&
			find_key(class_titles, nclass_titles, wkey) == NULL)
		{
			snprintf(r->reason, sizeof(r->reason),
					 "one word (%s) of Home Office titles in several classes: it names a kind of offence, not one class",
					 wkey);
			r->n_unparsed = 0;
			*vcls_out = NULL;
			return NULL;
		}
		/* more words than a Home Office title: the class of the title they hold */
		if (w == NULL && !r->sexual_words)
		{
			const char *cc = NULL;
			const WordKey *cw = contained_key(wkey, att, vic, &cc);
			RefKey	   *ck = cw ? find_key(classes, nclasses, cc) : NULL;

			if (ck)
			{
				m->matched_by = "words";
				r->n_unparsed = 0;
				take_class(m, ck);
				snprintf(r->reason, sizeof(r->reason),
						 "read as class %s: the title has every word of a Home Office %s title of it (%s) and more",
						 ck->key, cw->code_title ? "offence" : "class", cw->key);
			}
			else if ((cc = parts_class(s, len, att, vic)) != NULL &&
					 (ck = find_key(classes, nclasses, cc)) != NULL)
			{
				/* parts that are each a title of the same class */
				m->matched_by = "words";
				r->n_unparsed = 0;
				take_class(m, ck);
				snprintf(r->reason, sizeof(r->reason),
						 "read as class %s: each part of the title is the words of a Home Office title of it",
						 ck->key);
			}
			else if ((cc = covering_class(wkey, att, vic, s, len, &far)) != NULL &&
					 (ck = find_key(classes, nclasses, cc)) != NULL && ck->sexual == 0)
			{
				/* fewer words than a Home Office title: the one class holding them */
				m->matched_by = "words";
				r->n_unparsed = 0;
				take_class(m, ck);
				snprintf(r->reason, sizeof(r->reason),
						 "read as class %s: every word of the title is in Home Office titles of it, and of no other class%s",
						 ck->key, far ? "'s but titles that say much more" : "");
			}
		}
	}
	if (w && !w->ambiguous && w->cls[0] == '\0')
	{
		const char *vc = w->idx >= 0 ? victim_class(&codes[w->idx], vic) : NULL;

		if (vc == NULL && vic == 0 && w->idx >= 0)
			vc = words_class(&codes[w->idx], wkey, att);

		if (vc)
		{
			/* the code's class for this victim (as for every match by words,
			 * the code only when it is the class's only one) */
			RefKey	   *ck = find_key(classes, nclasses, vc);

			m->matched_by = "words";
			r->n_unparsed = 0;
			r->reason[0] = '\0';
			if (ck && ck->ncodes == 1)
			{
				rc = &codes[w->idx];
				vcls = vc;
			}
			else if (ck)
			{
				strlcpy(m->cls, vc, sizeof(m->cls));
				m->ons_group = ck->ons_group;
				m->family = ck->family;
				m->sexual = ck->sexual;
				snprintf(r->reason, sizeof(r->reason),
						 "Home Office class %s has %d codes; the title does not say which",
						 ck->key, ck->ncodes);
			}
			w = NULL;
		}
		else
			w_unresolved = true;	/* for this title: the entry stays as it is */
	}
	if (w && (w->ambiguous || w_unresolved) && key_has(wkey, "POSSESSION", 10) &&
		key_has(wkey, "DRUG", 4) && key_words(wkey) == 2 &&
		has_ci_word(s, len, "cannabis") &&
		(has_ci_word(s, len, "excluding") || has_ci_word(s, len, "excl") ||
		 has_ci_word(s, len, "except") || has_ci_word(s, len, "exc") ||
		 has_ci_word(s, len, "not")) &&
		find_key(classes, nclasses, "92D") != NULL)
	{
		/*
		 * 'Possession of a controlled drug (excluding cannabis)': the list's two
		 * possession classes have one title, 'Possession of controlled drugs'; 92E is
		 * the possession of cannabis, 92D of every other drug
		 */
		RefKey	   *ck = find_key(classes, nclasses, "92D");

		m->matched_by = "words";
		r->n_unparsed = 0;
		take_class(m, ck);
		snprintf(r->reason, sizeof(r->reason),
				 "read as class 92D: the possession of a controlled drug other than cannabis (92E); class 92D has %d codes",
				 ck->ncodes);
	}
	else if (w && (w->ambiguous || w_unresolved))
	{
		snprintf(r->reason, sizeof(r->reason), "%s",
				 "its words are those of Home Office titles in different classes");
		r->n_unparsed = 0;
	}
	else if (w && r->cls[0] == '\0')
	{
		RefKey	   *ck = find_key(classes, nclasses, w->cls);

		/*
		 * Words, not the title: the class, and a code only when it is the
		 * class's only one (a force's 'Theft of motor vehicle' may count
		 * unauthorised taking too)
		 */
		m->matched_by = "words";
		r->n_unparsed = 0;
		r->reason[0] = '\0';
		strlcpy(m->cls, w->cls, sizeof(m->cls));
		if (ck)
		{
			take_class(m, ck);
			if (ck->ncodes > 1)
				snprintf(r->reason, sizeof(r->reason),
						 "Home Office class %s has %d codes; the title does not say which",
						 ck->key, ck->ncodes);
		}
	}

	*vcls_out = vcls;
	return rc;
}

/* code rc is filed in class cls (its one class, or one of its classes by victim or
 * premises) */
static bool
code_in_class(const RefCode *rc, const char *cls)
{
	int			i;

	if (strcmp(rc->cls, cls) == 0 || strcmp(rc->cls_multi, cls) == 0)
		return true;
	for (i = 0; i < rc->nvclass; i++)
		if (strcmp(rc->vclass[i], cls) == 0)
			return true;
	return false;
}

/*
 * The name of an Act as the list writes it, without ' Act yyyy' and what follows,
 * normalised ('Public Order Act 1986' -> 'PUBLIC ORDER'), in the cache; NULL when it
 * has no ' Act '.
 */
static char *
act_name(const char *act)
{
	size_t		an = 0;
	char		name[256];

	while (act[an] && pg_strncasecmp(act + an, " act", 4) != 0)
		an++;
	if (!act[an] || an == 0 || offence_normalise(act, an, name, sizeof(name)) >= sizeof(name))
		return NULL;
	return MemoryContextStrdup(cache_cxt, name);
}

/*
 * Code rc is of section sec: a row of it cites that section, of an Act the title names
 * when it names one (padded: the normalised title between spaces; act: it has ' ACT ')
 */
static bool
code_of_section(const RefCode *rc, const char *sec, const char *padded, bool act)
{
	int			x;

	for (x = 0; x < rc->nsections; x++)
	{
		char		want[300];

		if (strcmp(rc->sections[x], sec) != 0)
			continue;
		if (!act)
			return true;
		if (rc->section_act[x] == NULL)
			continue;			/* the row names no Act to compare */
		snprintf(want, sizeof(want), " %s ACT ", rc->section_act[x]);
		if (strstr(padded, want))
			return true;
	}
	return false;
}

/*
 * The code of class cls that a title read as that class cites by its section: the
 * title cites one section ('Assault occasioning actual bodily harm (Sec 47)', 'Causing
 * intentional harassment, alarm or distress (S4A POA)') and one code of the class is
 * of that section in the Home Office list, or several are and the words of exactly
 * one's title are all in the title's (offence_title_key).  When the title names an Act
 * ('- Debtors Act 1869 Sec 13'), the code's row must cite that Act (class 99 has codes
 * of section 13 of other Acts).  NULL otherwise.
 */
static const RefCode *
class_code_by_section(const char *cls, const char *s, int len, const char *key)
{
	char		secs[2][8];
	char		nk[OFF_MAX_TITLE + 1];
	char		padded[OFF_MAX_TITLE + 3];
	const RefCode *only = NULL;
	const RefCode *best = NULL;
	int			nsec = offence_sections(s, len, secs, 2),
				ncand = 0,
				best_n = 0,
				i;
	bool		tie = false,
				act;
	const char *one_act = NULL;
	bool		acts = false;	/* the section is of several Acts in the class */

	if (nsec != 1 || len > OFF_MAX_TITLE)
		return NULL;
	/* 'All other offences except under Sec 13': the section is the one not counted */
	if (has_ci_word(s, len, "except") || has_ci_word(s, len, "excluding"))
		return NULL;
	/*
	 * a section the offence's words refer to ('in contravention of Sec 79', 'issued
	 * under Sec 26', 'in breach of SS.15(1)') is not the one the offence is of
	 */
	{
		static const char *const refer[] = {"under", "of", "by", "contravening", "against",
		"made", "required", "purporting", "breach", NULL};
		int			p;

		for (p = 0; p < len; p++)
		{
			int			q = p,
						e,
						b,
						k;

			if (!((p == 0 || !isalpha((unsigned char) s[p - 1])) &&
				  (pg_strncasecmp(s + p, "sec", 3) == 0 || pg_strncasecmp(s + p, "s.", 2) == 0 ||
				   pg_strncasecmp(s + p, "ss.", 3) == 0 ||
				   ((s[p] == 's' || s[p] == 'S') && p + 1 < len && isdigit((unsigned char) s[p + 1])))))
				continue;
			while (q < len && (isalpha((unsigned char) s[q]) || s[q] == '.'))
				q++;
			while (q < len && s[q] == ' ')
				q++;
			if (q >= len || !isdigit((unsigned char) s[q]))
				continue;
			/* the word before */
			e = p;
			while (e > 0 && !isalpha((unsigned char) s[e - 1]))
				e--;
			b = e;
			while (b > 0 && isalpha((unsigned char) s[b - 1]))
				b--;
			for (k = 0; refer[k]; k++)
				if ((int) strlen(refer[k]) == e - b && pg_strncasecmp(s + b, refer[k], e - b) == 0)
					return NULL;
		}
	}
	offence_normalise(s, len, nk, sizeof(nk));
	snprintf(padded, sizeof(padded), " %s ", nk);
	/* the title names a statute: an Act, or an Order or Regulations of a year */
	act = strstr(padded, " ACT ") != NULL;
	{
		const char *p;

		for (p = padded; !act && (p = strstr(p, " ORDER ")) != NULL; p += 6)
			act = isdigit((unsigned char) p[7]) && isdigit((unsigned char) p[10]);
		for (p = padded; !act && (p = strstr(p, " REGULATIONS ")) != NULL; p += 12)
			act = isdigit((unsigned char) p[13]) && isdigit((unsigned char) p[16]);
	}
	for (i = 0; i < ncodes; i++)
		if (code_in_class(&codes[i], cls) && code_of_section(&codes[i], secs[0], padded, act))
		{
			int			x;

			/* no Act named: when the class's codes of that section are of several Acts
			 * (class 99 has a section 19 of many), the words must pick the code */
			for (x = 0; !act && x < codes[i].nsections; x++)
				if (strcmp(codes[i].sections[x], secs[0]) == 0 && codes[i].section_act[x])
				{
					if (one_act == NULL)
						one_act = codes[i].section_act[x];
					else if (strcmp(one_act, codes[i].section_act[x]) != 0)
						acts = true;
				}
			only = &codes[i];
			ncand++;
		}
	if (ncand == 1 && !acts)
		return only;
	if (ncand == 0 || key == NULL)
		return NULL;
	/* several codes of that section: the one whose title's words the title has */
	for (i = 0; i < nword_keys; i++)
	{
		const WordKey *e = &word_keys[i];
		const RefCode *rc;
		int			n;

		if (!e->code_title || e->idx < 0)
			continue;
		rc = &codes[e->idx];
		if (!code_in_class(rc, cls) || !code_of_section(rc, secs[0], padded, act))
			continue;
		n = key_words(e->key);
		if (n < best_n || !key_subset(e->key, key))
			continue;
		if (n > best_n)
		{
			best = rc;
			best_n = n;
			tie = false;
		}
		else if (best != rc)
			tie = true;
	}
	return tie ? NULL : best;
}

/* The next title of the list (after *i; start at -1) of a code in class cls:
 * false when there is none. */
static bool
class_title(const char *cls, int *i)
{
	while (++*i < ntitles)
		if (titles[*i].idx >= 0 && code_in_class(&codes[titles[*i].idx], cls))
			return true;
	return false;
}

/*
 * The code of non-sexual class cls whose Home Office title states the victim age the
 * title states, the only one of the class ('Murder of a person under 1 year of age':
 * class 1, 001/02 'Murder of persons under 1 year of age'; '12 Abandoning Child Under
 * Two Years'), or NULL.
 */
static const RefCode *
class_code_by_age(const char *cls, const OffenceResult *r)
{
	const RefCode *found = NULL;
	OffenceResult *t;
	int			i;

	if (!r->has_vage)
		return NULL;
	t = palloc(sizeof(OffenceResult));
	/* every title of the list, normalised (a code has several: 197/22's 'to persons under
	 * 18' is not its first) */
	for (i = -1; class_title(cls, &i);)
	{
		const RefCode *rc = &codes[titles[i].idx];

		offence_parse(titles[i].key, strlen(titles[i].key), t);
		if (t->has_vage && t->vage_lo == r->vage_lo && t->vage_hi == r->vage_hi)
		{
			if (found && found != rc)
			{
				found = NULL;
				break;
			}
			found = rc;
		}
	}
	pfree(t);
	return found;
}

/*
 * The code of class cls that the title names by a fact only that code's Home Office
 * title states (after the words read as the class): the amount of criminal damage
 * ('(under £5000)': the class's one code whose title says under £5000, 149/00; '(£5,000
 * and over)': the code whose title is the title's words without the amount, 058/00) or
 * the drug possessed ('Possession of Cocaine (class A drug)': 092/50, the class's one
 * code whose title names cocaine).  A title that states neither keeps the class only
 * ('Other criminal damage to a vehicle' may count both amounts).  NULL when no one code.
 */
static const RefCode *
class_code_by_fact(const char *cls, const char *s, int len, const char *wkey, bool att,
				   char vic, const char **what)
{
	static const char *const drugs[] = {"COCAINE", "HEROIN", "LSD", "MDMA", "CRACK",
	"METHADONE", "AMPHETAMINE", "KETAMINE", "KHAT", NULL};
	const RefCode *found = NULL;
	const char *drug = NULL;
	int			i;

	if (wkey == NULL)
		return NULL;
	if (key_has(wkey, "UNDER5000", 9))
	{
		for (i = 0; i < ncodes; i++)
		{
			const RefCode *rc = &codes[i];

			if (rc->title == NULL || !code_in_class(rc, cls) || !has_ci_word(rc->title, strlen(rc->title), "under") ||
				strstr(rc->title, "\xc2\xa3" "5") == NULL)
				continue;
			if (found && found != rc)
				return NULL;
			found = rc;
		}
		*what = "the title states under \xc2\xa3" "5000, as only this code's title in the class does";
		return found;
	}
	if (has_ci_word(s, len, "over") && (strstr(s, "5000") || strstr(s, "5,000")) &&
		strstr(s, "\xc2\xa3"))
	{
		/* '£5,000 and over': the words without the amount are one code's title */
		const WordKey *w = lookup_words(wkey, att, vic);

		if (w && w->code_title && w->idx >= 0 && !w->ambiguous &&
			code_in_class(&codes[w->idx], cls) && !has_ci_word(codes[w->idx].title,
															 strlen(codes[w->idx].title), "under"))
		{
			*what = "the title states \xc2\xa3" "5000 and over and is otherwise this code's title (the code under \xc2\xa3" "5000 is another)";
			return &codes[w->idx];
		}
		return NULL;
	}
	if (!key_has(wkey, "POSSESSION", 10))
		return NULL;
	for (i = 0; drugs[i]; i++)
		if (key_has(wkey, drugs[i], strlen(drugs[i])))
		{
			if (drug)
				return NULL;	/* two drugs */
			drug = drugs[i];
		}
	if (drug == NULL)
		return NULL;
	for (i = 0; i < ncodes; i++)
	{
		const RefCode *rc = &codes[i];

		if (rc->title == NULL || !code_in_class(rc, cls) ||
			!has_ci_word(rc->title, strlen(rc->title), drug) ||
			!has_ci_word(rc->title, strlen(rc->title), "possession"))
			continue;
		if (found && found != rc)
			return NULL;
		found = rc;
	}
	*what = "the title names the drug only this code's title in the class names";
	return found;
}

/*
 * The drug class a title names: 'class A' / 'Class B' / 'class C' once (a letter after
 * the word class), else 0.
 */
static char
drug_class_letter(const char *s, int len)
{
	char		found = 0;
	int			i;

	for (i = 0; i + 7 <= len; i++)
	{
		char		c;

		if (pg_strncasecmp(s + i, "class", 5) != 0 ||
			(i > 0 && isalpha((unsigned char) s[i - 1])))
			continue;
		c = (char) toupper((unsigned char) s[i + 6]);
		if ((s[i + 5] != ' ' && s[i + 5] != '-') || (c != 'A' && c != 'B' && c != 'C') ||
			(i + 7 < len && isalnum((unsigned char) s[i + 7])))
			continue;
		if (found && found != c)
			return 0;
		found = c;
	}
	return found;
}

/*
 * The code of class cls a title names by the drug class and 'other' ('Possession of
 * other class A drug', 'Having possession of a controlled drug - Class A - Other'):
 * the class's one possession code whose title says 'Class A - Other' (092/59), or NULL.
 * A title that names the drug class without 'other' ('Possession of a controlled drug -
 * Class C drug') may count the named drugs of that class too: no code.
 */
static const RefCode *
class_code_by_drug_class(const char *cls, const char *s, int len)
{
	const RefCode *found = NULL;
	char		letter = drug_class_letter(s, len);
	char		want[8];
	int			i;

	if (letter == 0 || !has_ci_word(s, len, "other") ||
		!(has_ci_word(s, len, "possession") || has_ci_word(s, len, "possess")))
		return NULL;
	snprintf(want, sizeof(want), "%c", letter);
	for (i = 0; i < ncodes; i++)
	{
		const RefCode *rc = &codes[i];
		int			tl;

		if (rc->title == NULL || !code_in_class(rc, cls))
			continue;
		tl = (int) strlen(rc->title);
		if (drug_class_letter(rc->title, tl) != letter || !has_ci_word(rc->title, tl, "other") ||
			!has_ci_word(rc->title, tl, "possession"))
			continue;
		if (found && found != rc)
			return NULL;
		found = rc;
	}
	return found;
}

static const RefCode *
class_code_by_seq_of(const char *cls, const char *s, int len)
{
	char		seq[1024],
				cseq[1024];
	bool		att;
	const RefCode *found = NULL;
	size_t		n = offence_title_seq(s, len, seq, sizeof(seq), &att);
	int			i;

	if (n == 0 || n >= sizeof(seq) || strchr(seq, ' ') == NULL)
		return NULL;
	/* each code's title as the list prints it ('in breach of S1 (1)') */
	for (i = 0; i < ncodes; i++)
	{
		RefCode    *rc = &codes[i];

		if (rc->title == NULL || !code_in_class(rc, cls))
			continue;
		if (rc->seq == NULL)
		{
			offence_title_seq(rc->title, strlen(rc->title), cseq, sizeof(cseq), &rc->seq_att);
			rc->seq = MemoryContextStrdup(cache_cxt, cseq);
		}
		if ((rc->seq_att && !att) || strcmp(seq, rc->seq) != 0)
			continue;
		if (found && strcmp(found->code, rc->code) != 0)
			return NULL;
		found = rc;
	}
	/* and every title of the list, normalised (a code has several: 008/73's 104 and
	 * 105A titles) */
	for (i = -1; class_title(cls, &i);)
	{
		const RefCode *rc = &codes[titles[i].idx];

		if (title_seq[i] == NULL)
		{
			offence_title_seq(titles[i].key, strlen(titles[i].key), cseq, sizeof(cseq),
							  &title_seq_att[i]);
			title_seq[i] = MemoryContextStrdup(cache_cxt, cseq);
		}
		if ((title_seq_att[i] && !att) || strcmp(seq, title_seq[i]) != 0)
			continue;
		if (found && strcmp(found->code, rc->code) != 0)
			return NULL;
		found = rc;
	}
	return found;
}

/*
 * The code of class cls whose Home Office title the title is but for its articles,
 * prepositions and inflections (offence_title_seq: 'Breach of Criminal behaviour order',
 * 066/98 'Breach of a criminal behaviour order'; 'Attempted - Assisting a prisoner to
 * escape' reads the title attempted), when one code of the class has it; else the code
 * one part of the title (' - ') is the title of, the other parts having none ('Attempted
 * - Assault with Injury - Assault occasioning actual bodily harm': 008/06, the class
 * title beside it).  Not in the classes of the theft of a vehicle or a cycle (44, 48): a
 * force's 'Theft of a pedal cycle' or 'Theft of motor vehicle' category may count the
 * class's taking without consent too.  NULL when no one code.
 */
static const RefCode *
class_code_by_seq(const char *cls, const char *s, int len, bool *part)
{
	const RefCode *found;
	int			a = 0,
				b;

	*part = false;
	if (strcmp(cls, "44") == 0 || strcmp(cls, "48") == 0)
		return NULL;
	if ((found = class_code_by_seq_of(cls, s, len)) != NULL)
		return found;
	*part = true;
	/* the parts between ' - ' */
	for (b = 0; b <= len; b++)
	{
		const RefCode *rc;

		if (b < len && !(b > 0 && b + 1 < len && s[b] == '-' &&
						 (s[b - 1] == ' ' || s[b + 1] == ' ')))
			continue;
		if (a == 0 && b == len)
			return NULL;		/* one part: read above */
		/* a part that is the class's title ('Violent Disorder - Riot') names the class */
		{
			char		pk[OFF_MAX_TITLE + 1];
			RefKey	   *ct;

			offence_normalise(s + a, b - a, pk, sizeof(pk));
			ct = pk[0] ? find_key(class_titles, nclass_titles, pk) : NULL;
			if (ct && ct->ons_group && strcmp(ct->ons_group, cls) == 0)
			{
				a = b + 1;
				continue;
			}
		}
		rc = class_code_by_seq_of(cls, s + a, b - a);
		if (rc)
		{
			if (found && strcmp(found->code, rc->code) != 0)
				return NULL;
			found = rc;
		}
		a = b + 1;
	}
	return found;
}

/*
 * The class the words of a title after its class label read as, when it is not the
 * label's class cls and no title of cls shares a word with them: the label and the
 * words disagree.  NULL when they agree, or the words read as no class.
 */
static const char *
words_contradict(const char *s, int len, const char *cls)
{
	char		key[1024];
	bool		att;
	char		vic;
	size_t		n = offence_title_key(s, len, key, sizeof(key), &att, &vic);
	const WordKey *w;
	const char *y = NULL;
	const char *p;
	int			i;

	if (n == 0 || n >= sizeof(key))
		return NULL;
	w = lookup_words(key, att, vic);
	if (w)
		y = entry_class(w, key, att, vic);
	if (y == NULL)
		y = covering_class(key, att, vic, s, len, NULL);
	if (y == NULL || strcmp(y, cls) == 0)
		return NULL;
	for (i = 0; i < nword_keys; i++)
	{
		const WordKey *e = &word_keys[i];

		if (strcmp(e->cls, cls) != 0 &&
			!(e->idx >= 0 && e->cls[0] == '\0' && code_in_class(&codes[e->idx], cls)))
			continue;
		for (p = key; p && *p;)
		{
			const char *q = strchr(p, ' ');
			size_t		l = q ? (size_t) (q - p) : strlen(p);

			if (key_has(e->key, p, l))
				return NULL;
			p = q ? q + 1 : NULL;
		}
	}
	return y;
}

/*
 * A penetration the rules inferred from words that do not say the offence
 * (not stated in them) is not known.
 */
static void
drop_inferred_penetration(OffenceResult *r)
{
	if (r->pen_source == 'i')
	{
		r->penetration = -1;
		r->pen_source = 0;
	}
}

/*
 * The facts of rc's own title replace those the words gave (whether the
 * offence was one of several stays the words'); an inferred penetration of
 * a title that reads as another code is dropped.
 */
static void
read_code_title(const RefCode *rc, OffenceResult *r)
{
	bool		multi = r->multiple;

	offence_parse(rc->title, strlen(rc->title), r);
	r->multiple = multi;
	if (strcmp(r->code, rc->code) != 0)
		drop_inferred_penetration(r);
}

/* m is Home Office code rc, read in class cls */
static void
memo_code(Memo *m, const RefCode *rc, const char *cls)
{
	strlcpy(m->code, rc->code, sizeof(m->code));
	strlcpy(m->cls, cls, sizeof(m->cls));
	m->ons_group = rc->ons_group;
	m->family = rc->family;
}

/*
 * The April 2026 class of a class label of the April 2010 counting rules that the 2026
 * list no longer has, when all its offences are in one 2026 class (Home Office Counting
 * Rules for Recorded Crime, April 2010, Violence against the Person, against the April
 * 2026 list's codes): 5C possession of items to endanger life, 8F inflicting grievous
 * bodily harm without intent, 8G actual bodily harm and other injury, 8K poisoning or
 * female genital mutilation, 8H and 8J their racially or religiously aggravated forms.
 * Not 5A (wounding or an act endangering life: now 5D or 5E).  NULL otherwise.
 */
static const char *
legacy_class(const char *cls)
{
	static const char *const map[][2] = {
		{"5C", "5E"}, {"8F", "8N"}, {"8G", "8N"}, {"8K", "8N"}, {"8H", "8P"}, {"8J", "8P"},
	};
	size_t		i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(cls, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

/* Classify s[0..len) into m (strings allocated in cxt). */
static void
compute(const char *s, int len, Memo *m, MemoryContext cxt)
{
	OffenceResult *r = &m->facts;
	char		nk[OFF_MAX_TITLE + 1];
	RefCode    *rc = NULL;
	Override   *ov = NULL;
	char		unknown_label[40];
	char		legacy_note[96];
	const char *legacy = NULL;
	const char *other_cls = NULL;

	offence_parse(s, len, r);
	m->family = r->family;
	m->matched_by = NULL;
	m->sexual = -1;
	m->ons_group = NULL;
	m->code[0] = m->cls[0] = '\0';

	if (len <= OFF_MAX_TITLE)
	{
		Override	k;

		offence_normalise(s, len, nk, sizeof(nk));
		k.key = nk;
		if (noverrides > 0)
			ov = bsearch(&k, overrides, noverrides, sizeof(Override), cmp_override);
	}
	else
		nk[0] = '\0';

	/*
	 * A label the list does not have ('8F Inflicting Grievous Bodily Harm without
	 * Intent', a class of the 2010 counting rules): read the words instead
	 */
	unknown_label[0] = '\0';
	legacy_note[0] = '\0';

	/*
	 * '8/06', '5/1', '8/65': a code written without its leading zeros has the
	 * form of the classes '4/6', '4/10'; when the list has no such class, it
	 * is the code 008/06
	 */
	if (!r->given_code[0] && r->given_class[0] && strchr(r->given_class, '/') &&
		find_key(classes, nclasses, r->given_class) == NULL)
	{
		int			major,
					minor;

		if (sscanf(r->given_class, "%d/%d", &major, &minor) == 2)
		{
			snprintf(r->given_code, sizeof(r->given_code), "%03d/%02d",
					 major % 1000, minor % 100);
			r->given_class[0] = '\0';
		}
	}

	if (!ov && !r->only_code && r->given_code[0] && find_code(r->given_code) == NULL)
	{
		snprintf(unknown_label, sizeof(unknown_label), "code %s", r->given_code);
		r->given_code[0] = '\0';
	}
	else if (!ov && !r->given_code[0] && r->given_class[0] &&
			 find_key(classes, nclasses, r->given_class) == NULL &&
			 (legacy = legacy_class(r->given_class)) != NULL &&
			 find_key(classes, nclasses, legacy) != NULL)
	{
		/* a class of the April 2010 counting rules the 2026 list renamed ('8G') */
		snprintf(legacy_note, sizeof(legacy_note),
				 "April 2010 class %s, in class %s of the April 2026 list", r->given_class,
				 legacy);
		strlcpy(r->given_class, legacy, sizeof(r->given_class));
	}
	else if (!ov && !r->only_code && !r->given_code[0] && r->given_class[0] &&
			 find_key(classes, nclasses, r->given_class) == NULL)
	{
		snprintf(unknown_label, sizeof(unknown_label), "class %s", r->given_class);
		r->given_class[0] = '\0';
	}

	if (ov)
	{
		m->matched_by = "override";
		rc = find_code(ov->code);
		if (rc)
		{
			memo_code(m, rc, r->multiple && rc->cls_multi[0] ? rc->cls_multi : rc->cls);
		}
		if (ov->family != OFAM_UNKNOWN)
			m->family = ov->family;
		if (rc && strcmp(r->code, rc->code) != 0)
		{
			/* the words do not say this offence: take the facts of the code's title */
			read_code_title(rc, r);
		}
		r->reason[0] = '\0';
		r->n_unparsed = 0;
	}
	else if (r->given_code[0])
	{
		rc = find_code(r->given_code);
		if (rc == NULL)
		{
			OffenceResult keep = *r;

			memset(r, 0, sizeof(*r));
			r->penetration = -1;
			r->n_unparsed = 0;
			snprintf(r->reason, sizeof(r->reason),
					 "unknown Home Office code %s (not in the April 2026 list)",
					 keep.given_code);
			m->family = OFAM_UNKNOWN;
		}
		else
		{
			m->matched_by = "code";
			if (r->only_code)
			{
				/* the facts are those of the code's own title */
				read_code_title(rc, r);
				r->reason[0] = '\0';
				r->n_unparsed = 0;
			}
			else if (r->code[0] && strcmp(r->code, rc->code) != 0)
			{
				char		buf[OFF_REASON_MAX];

				snprintf(buf, sizeof(buf), "code %s given; the words read as %s",
						 rc->code, r->code);
				strlcpy(r->reason, buf, sizeof(r->reason));
				drop_inferred_penetration(r);
			}
			memo_code(m, rc, r->multiple && rc->cls_multi[0] ? rc->cls_multi : rc->cls);
		}
	}
	else if (r->given_class[0])
	{
		RefKey	   *ck = find_key(classes, nclasses, r->given_class);

		if (ck == NULL)
		{
			char		given[16];

			strlcpy(given, r->given_class, sizeof(given));
			memset(r, 0, sizeof(*r));
			r->penetration = -1;
			snprintf(r->reason, sizeof(r->reason),
					 "unknown Home Office class %s (not in the April 2026 list)", given);
			m->family = OFAM_UNKNOWN;
		}
		else if (ck->sexual == 0 && !r->only_code &&
				 (other_cls = words_contradict(s, len, ck->key)) != NULL)
		{
			/* a class label whose words are another class's ('8K Poisoning ...'
			 * read with a class the 2026 list gives another meaning) */
			memset(r, 0, sizeof(*r));
			r->penetration = -1;
			snprintf(r->reason, sizeof(r->reason),
					 "class %s given, but the words are those of class %s's titles and share none with class %s's",
					 ck->key, other_cls, ck->key);
			m->family = OFAM_UNKNOWN;
		}
		else
		{
			m->matched_by = "class";
			strlcpy(m->cls, ck->key, sizeof(m->cls));
			m->ons_group = ck->ons_group;
			m->sexual = ck->sexual;
			if (r->code[0] && (strcmp(r->cls, ck->key) == 0 ||
							   ((strcmp(ck->key, "19J") == 0 || strcmp(ck->key, "19K") == 0) &&
								strncmp(r->cls, "19", 2) == 0)))
			{
				rc = find_code(r->code);
				strlcpy(m->code, r->code, sizeof(m->code));
				m->family = rc ? rc->family : r->family;
			}
			else
			{
				if (r->code[0])
				{
					snprintf(r->reason, sizeof(r->reason),
							 "class %s given; the words read as %s (%s)", ck->key,
							 r->code, r->cls);
					drop_inferred_penetration(r);
				}
				m->family = ck->family != OFAM_UNKNOWN ? ck->family :
					(r->only_code ? OFAM_UNKNOWN : r->family);
			}
			if (m->code[0] == '\0' && ck->ncodes == 1 && !r->only_code &&
				(r->family == OFAM_NON_SEXUAL ||
				 (r->family == OFAM_UNKNOWN && ck->sexual == 0)))
			{
				/* '3B Threats to Kill': the class's only code */
				rc = &codes[ck->idx];
				strlcpy(m->code, rc->code, sizeof(m->code));
				m->family = rc->family;
				r->reason[0] = '\0';
				r->n_unparsed = 0;
			}
			if (r->only_code)
				r->reason[0] = '\0';
			else if (m->code[0] == '\0' && r->family == OFAM_NON_SEXUAL)
				snprintf(r->reason, sizeof(r->reason),
						 "Home Office class %s has %d codes; the title does not say which",
						 ck->key, ck->ncodes);
		}
	}
	else
	{
		const char *vcls = NULL;	/* the class by victim of a code in several */
		RefKey	   *tk = nk[0] ? find_key(titles, ntitles, nk) : NULL;

		RefKey	   *ct = nk[0] ? find_key(class_titles, nclass_titles, nk) : NULL;
		RefKey	   *ck = (ct && ct->idx >= 0) ? find_key(classes, nclasses, ct->ons_group) : NULL;

		/*
		 * 'Attempted - Assisting a prisoner to escape': an attempt of a non-sexual
		 * Home Office title word for word is that title's code, attempted (the codes
		 * of the offences the list counts attempts of apart are sexual: the rules read
		 * them)
		 */
		if (!(tk && tk->idx >= 0) && r->attempt && nk[0])
		{
			const char *rest = NULL;

			if (strncmp(nk, "ATTEMPTED ", 10) == 0)
				rest = nk + 10;
			else if (strncmp(nk, "ATTEMPT ", 8) == 0)
				rest = nk + 8;
			if (rest)
			{
				RefKey	   *ak = find_key(titles, ntitles, rest);

				if (ak && ak->idx >= 0 && codes[ak->idx].family == OFAM_NON_SEXUAL)
					tk = ak;
			}
		}
		if (!(tk && tk->idx >= 0) && ck)
		{
			/* the title of a Home Office class ('Sexual Activity involving a Child under 13') */
			m->matched_by = "class";
			strlcpy(m->cls, ck->key, sizeof(m->cls));
			m->ons_group = ck->ons_group;
			m->family = ck->family;
			m->sexual = ck->sexual;
			r->n_unparsed = 0;
			if (ck->ncodes == 1)
			{
				strlcpy(m->code, codes[ck->idx].code, sizeof(m->code));
				r->reason[0] = '\0';
			}
			else if (r->code[0] && strcmp(r->cls, ck->key) == 0 && !r->multiple &&
					 (same_words(s, len, r->code) || !joins_offences(nk)))
			{
				/* the rules read one of the class's codes ('Rape of a Female aged 16
				 * and over' is 19C's title, and not an attempt: 019/08) */
				RefCode    *rrc = find_code(r->code);

				strlcpy(m->code, r->code, sizeof(m->code));
				if (rrc)
					m->family = rrc->family;
				r->reason[0] = '\0';
			}
			else
			{
				drop_inferred_penetration(r);
				snprintf(r->reason, sizeof(r->reason),
						 "title of Home Office class %s, which has %d codes", ck->key,
						 ck->ncodes);
			}
		}
		else if (tk && tk->idx >= 0)
		{
			bool		reason_set = false;

			rc = &codes[tk->idx];
			m->matched_by = "title";
			if (rc->cls[0] == '\0' && !r->multiple)
			{
				char		wkey[1024];
				bool		att;
				char		vic;

				offence_title_key(s, len, wkey, sizeof(wkey), &att, &vic);
				vcls = victim_class(rc, vic);
				if (vcls == NULL && vic == 0)
					vcls = words_class(rc, wkey, att);
				if (vcls == NULL)
				{
					char		list[64] = "";
					int			v;

					for (v = 0; v < rc->nvclass; v++)
					{
						if (v > 0)
							strlcat(list, v == rc->nvclass - 1 ? " or " : ", ", sizeof(list));
						strlcat(list, rc->vclass[v], sizeof(list));
					}
					if (rc->nvclass == 0)
						snprintf(r->reason, sizeof(r->reason),
								 "code %s is in no one Home Office class (the list files it under several sub classes)",
								 rc->code);
					else
						snprintf(r->reason, sizeof(r->reason),
								 "code %s is in Home Office classes %s; the title does not say which",
								 rc->code, list);
					reason_set = true;
				}
			}
			r->n_unparsed = 0;
			if (r->code[0] && strcmp(r->code, rc->code) != 0)
				drop_inferred_penetration(r);
			if (!reason_set)
				r->reason[0] = '\0';
		}
		else if (r->code[0])
		{
			char		secs[2][8];
			int			x;

			rc = find_code(r->code);
			m->matched_by = "rules";
			/*
			 * the title cites one section and the code the rules read is of another
			 * ('Sexual activity with a child Sec 13 female 13-15 penetn': the facts
			 * read give 022/06, of Sec 9; Sec 13 is the offender under 18's): the title
			 * and its words disagree, no code and no class
			 */
			if (rc && rc->nsections > 0 && offence_sections(s, len, secs, 2) == 1 &&
				/* of the Sexual Offences Act: no other Act named ('s90 Justice Act (NI)') */
				!(has_ci_word(s, len, "act") &&
				  !(has_ci_text(s, len, "sexual offences act"))))
			{
				for (x = 0; x < rc->nsections; x++)
					if (strcmp(rc->sections[x], secs[0]) == 0)
						break;
				/* s13 is s9-s12 by an offender under 18 (the list cites s9 for 022/12) */
				if (x == rc->nsections && strcmp(secs[0], "13") == 0 && r->has_oage &&
					r->oage_hi > 0 && r->oage_hi <= 18)
					x = 0;
				if (x == rc->nsections)
				{
					snprintf(r->reason, sizeof(r->reason),
							 "the title cites Sec %s, and the facts it states are those of code %s (Sec %s)",
							 secs[0], rc->code, rc->sections[0]);
					drop_inferred_penetration(r);
					r->code[0] = r->cls[0] = '\0';
					rc = NULL;
					m->matched_by = NULL;
				}
			}
		}
		else if (len <= OFF_MAX_TITLE && r->cls[0] == '\0' && r->age_unread == 0)
			rc = by_words(s, len, r, m, &vcls);
		if (rc)
		{
			memo_code(m, rc, r->multiple && rc->cls_multi[0] ? rc->cls_multi :
					  (r->cls[0] && strcmp(r->code, rc->code) == 0 ? r->cls :
					   vcls ? vcls : rc->cls));
		}
		else if (r->cls[0] && m->matched_by == NULL)
		{
			RefKey	   *ck = find_key(classes, nclasses, r->cls);

			strlcpy(m->cls, r->cls, sizeof(m->cls));
			if (ck)
				m->ons_group = ck->ons_group;
		}
	}
	/*
	 * A non-sexual class read from the words or given, without its code: the code the
	 * title cites by its section, else the code whose title alone states the victim age
	 * the title states
	 */
	if (m->cls[0] && m->code[0] == '\0' && !r->multiple && len <= OFF_MAX_TITLE)
	{
		RefKey	   *ck = find_key(classes, nclasses, m->cls);
		const RefCode *cc = NULL;

		if (ck && ck->sexual == 0)
		{
			char		wkey[1024];
			bool		att;
			char		vic;
			size_t		wn = offence_title_key(s, len, wkey, sizeof(wkey), &att, &vic);
			const char *what = NULL;
			bool		part;

			if ((cc = class_code_by_section(m->cls, s, len,
											(wn > 0 && wn < sizeof(wkey)) ? wkey : NULL)) != NULL)
			{
				/* the section the title cites, one of the code's ('Sec 103I' of 068/08) */
				char		secs[2][8];

				snprintf(r->reason, sizeof(r->reason),
						 "code %s: the title cites its section (Sec %s) in class %s",
						 cc->code, offence_sections(s, len, secs, 2) == 1 ? secs[0] : cc->section,
						 m->cls);
			}
			else if ((cc = class_code_by_age(m->cls, r)) != NULL)
				snprintf(r->reason, sizeof(r->reason),
						 "code %s: the only code of class %s whose title states the victim age the title states",
						 cc->code, m->cls);
			else if ((cc = class_code_by_fact(m->cls, s, len,
											  (wn > 0 && wn < sizeof(wkey)) ? wkey : NULL,
											  att, vic, &what)) != NULL)
				snprintf(r->reason, sizeof(r->reason), "code %s of class %s: %s",
						 cc->code, m->cls, what);
			else if ((cc = class_code_by_drug_class(m->cls, s, len)) != NULL)
				snprintf(r->reason, sizeof(r->reason),
						 "code %s of class %s: the title names the drug class and 'other', as only this code's title in the class does",
						 cc->code, m->cls);
			else if ((cc = class_code_by_seq(m->cls, s, len, &part)) != NULL)
				snprintf(r->reason, sizeof(r->reason),
						 "code %s of class %s: the title%s is its Home Office title but for articles, prepositions and inflections",
						 cc->code, m->cls, part ? "'s part between dashes" : "");
		}
		if (cc)
		{
			strlcpy(m->code, cc->code, sizeof(m->code));
			m->family = cc->family;
		}
	}
	if (legacy_note[0])
	{
		char		buf[OFF_REASON_MAX];

		/* the class is given: that the words name no offence of the rules is no news */
		if (strcmp(r->reason, "offence not recognised") == 0 ||
			strcmp(r->reason, "sexual offence not recognised") == 0)
			r->reason[0] = '\0';
		snprintf(buf, sizeof(buf), "%s%s%s", legacy_note, r->reason[0] ? "; " : "",
				 r->reason);
		strlcpy(r->reason, buf, sizeof(r->reason));
	}
	if (unknown_label[0])
	{
		char		buf[OFF_REASON_MAX];

		if (m->cls[0] || m->code[0])
			snprintf(buf, sizeof(buf), "Home Office %s is not in the April 2026 list: read from the words%s%s",
					 unknown_label, r->reason[0] ? "; " : "", r->reason);
		else
			snprintf(buf, sizeof(buf), "unknown Home Office %s (not in the April 2026 list)",
					 unknown_label);
		strlcpy(r->reason, buf, sizeof(r->reason));
	}
	if (m->family != OFAM_UNKNOWN)
		m->sexual = m->family != OFAM_NON_SEXUAL;
	/* no code or class: the family's ONS group when all its codes share one */
	if (m->ons_group == NULL && m->family >= 0 && m->family != OFAM_NON_SEXUAL)
		m->ons_group = family_ons[m->family];
	m->code_t = cache_text(cxt, m->code);
	m->cls_t = cache_text(cxt, m->cls);
	m->family_t = m->family >= 0 ? cache_text(cxt, offence_family_names[m->family]) : NULL;
}

/*
 * Hash of an input string for the memo: 8 bytes at a time with a multiply-xorshift mix,
 * several times faster than hash_bytes() on 40-80 byte titles (this is the per-row cost
 * of the accessors).  Chains compare the whole key, so a collision costs only time.
 */
static inline uint32
memo_hash(const char *p, int len)
{
	uint64		h = UINT64CONST(0x9E3779B97F4A7C15) ^ (uint64) len;
	uint64		v;

	while (len >= 8)
	{
		memcpy(&v, p, 8);
		h = (h ^ v) * UINT64CONST(0xbf58476d1ce4e5b9);
		h ^= h >> 31;
		p += 8;
		len -= 8;
	}
	{
		/* the last 0-7 bytes, zero-padded, as memcpy(&v, p, len) would leave them in a
		 * zeroed v, without a call to memcpy of a variable length */
		unsigned char tail[8] = {0};

		switch (len)
		{
			case 7:
				tail[6] = p[6];
				/* FALLTHROUGH */
			case 6:
				tail[5] = p[5];
				/* FALLTHROUGH */
			case 5:
				tail[4] = p[4];
				/* FALLTHROUGH */
			case 4:
				tail[3] = p[3];
				/* FALLTHROUGH */
			case 3:
				tail[2] = p[2];
				/* FALLTHROUGH */
			case 2:
				tail[1] = p[1];
				/* FALLTHROUGH */
			case 1:
				tail[0] = p[0];
		}
		memcpy(&v, tail, 8);
	}
	h = (h ^ v) * UINT64CONST(0x94d049bb133111eb);
	h ^= h >> 29;
	return (uint32) (h ^ (h >> 32));
}

/* The memo entry for a string: one hash lookup, computed on the first sight. */
static Memo *
lookup(FunctionCallInfo fcinfo, const char *s, int len)
{
	uint32		h;
	Memo	   *m;

	ensure_cache(fcinfo);
	stat_lookups++;
	if (len > MEMO_MAX_KEY)
	{
		m = palloc0(sizeof(Memo));
		stat_misses++;
		compute(s, len, m, CurrentMemoryContext);
		return m;
	}
	h = memo_hash(s, len);
	for (m = buckets[h & (nbuckets - 1)]; m; m = m->next)
		if (m->hash == h && m->len == len && memcmp(m->key, s, len) == 0)
			return m;

	stat_misses++;
	if (nmemo >= MEMO_MAX_ENTRIES)
	{
		/* start afresh (the old cache lives until the end of the transaction) */
		FoistatsCacheTag tag = cache_tag;

		load_cache(get_func_namespace(fcinfo->flinfo->fn_oid), &tag);
	}
	if (nmemo >= nbuckets)
	{
		uint32		nb = nbuckets * 2,
					i;
		Memo	  **b = MemoryContextAllocZero(cache_cxt, sizeof(Memo *) * nb);

		for (i = 0; i < nbuckets; i++)
		{
			Memo	   *e = buckets[i];

			while (e)
			{
				Memo	   *nx = e->next;

				e->next = b[e->hash & (nb - 1)];
				b[e->hash & (nb - 1)] = e;
				e = nx;
			}
		}
		pfree(buckets);
		buckets = b;
		nbuckets = nb;
	}
	m = MemoryContextAllocZero(cache_cxt, sizeof(Memo));
	m->hash = h;
	m->len = len;
	m->key = MemoryContextAlloc(cache_cxt, len + 1);
	memcpy(m->key, s, len);
	m->key[len] = '\0';
	compute(s, len, m, cache_cxt);
	m->next = buckets[h & (nbuckets - 1)];
	buckets[h & (nbuckets - 1)] = m;
	nmemo++;
	return m;
}

#define ARG_MEMO(n) \
	text	   *arg_ = PG_GETARG_TEXT_PP(n); \
	Memo	   *m = lookup(fcinfo, VARDATA_ANY(arg_), VARSIZE_ANY_EXHDR(arg_))

/*
 * The text accessors (ho_class, ho_code, offence_family) return the cached
 * text itself: it is never modified and lives at least until the end of the
 * transaction (see load_cache), longer than any use of a result.  NULL when
 * the title has none.
 */
#define MEMO_TEXT_ACCESSOR(fn, field) \
PG_FUNCTION_INFO_V1(fn); \
Datum \
fn(PG_FUNCTION_ARGS) \
{ \
	ARG_MEMO(0); \
	if (m->field == NULL) \
		PG_RETURN_NULL(); \
	return PointerGetDatum(m->field); \
}

MEMO_TEXT_ACCESSOR(foistats_ho_class, cls_t)
MEMO_TEXT_ACCESSOR(foistats_ho_code, code_t)
MEMO_TEXT_ACCESSOR(foistats_offence_family, family_t)

PG_FUNCTION_INFO_V1(foistats_is_sexual_offence);
Datum
foistats_is_sexual_offence(PG_FUNCTION_ARGS)
{
	ARG_MEMO(0);
	if (m->sexual < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(m->sexual == 1);
}

static Datum
int4range_datum(int lo, int hi)
{
	TypeCacheEntry *tc = lookup_type_cache(INT4RANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	l,
				u;

	l.val = Int32GetDatum(lo);
	l.infinite = false;
	l.inclusive = true;
	l.lower = true;
	u.val = Int32GetDatum(hi < 0 ? 0 : hi);
	u.infinite = hi < 0;
	u.inclusive = false;
	u.lower = false;
	return RangeTypePGetDatum(make_range(tc, &l, &u, false));
}

static Datum
nullable_text(const char *s, bool *isnull)
{
	*isnull = (s == NULL || s[0] == '\0');
	return *isnull ? (Datum) 0 : CStringGetTextDatum(s);
}

PG_FUNCTION_INFO_V1(foistats_classify);
Datum
foistats_classify(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		v[14];
	bool		n[14];
	const OffenceResult *r;
	Datum	   *words;
	int			i;

	ARG_MEMO(0);
	r = &m->facts;
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("foistats.classify must return a composite")));
	desc = BlessTupleDesc(desc);
	if (desc->natts != 14)
		ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("foistats.offence has %d attributes, expected 14", desc->natts)));
	memset(n, 0, sizeof(n));
	v[0] = nullable_text(m->code, &n[0]);
	v[1] = nullable_text(m->cls, &n[1]);
	v[2] = nullable_text(m->ons_group, &n[2]);
	v[3] = nullable_text(m->family >= 0 ? offence_family_names[m->family] : NULL, &n[3]);
	v[4] = nullable_text(r->victim_sex == 'F' ? "female" : r->victim_sex == 'M' ? "male" : NULL,
						 &n[4]);
	n[5] = !r->has_vage;
	v[5] = n[5] ? (Datum) 0 : int4range_datum(r->vage_lo, r->vage_hi);
	n[6] = !r->has_oage;
	v[6] = n[6] ? (Datum) 0 : int4range_datum(r->oage_lo, r->oage_hi);
	n[7] = r->penetration < 0;
	v[7] = BoolGetDatum(r->penetration == 1);
	v[8] = nullable_text(r->penetration < 0 ? NULL : r->pen_source == 'i' ? "implied" : "stated",
						 &n[8]);
	v[9] = BoolGetDatum(r->attempt);
	v[10] = BoolGetDatum(r->multiple);
	v[11] = nullable_text(m->matched_by, &n[11]);
	words = palloc(sizeof(Datum) * (r->n_unparsed + 1));
	for (i = 0; i < r->n_unparsed; i++)
		words[i] = CStringGetTextDatum(r->unparsed[i]);
	v[12] = PointerGetDatum(construct_array(words, r->n_unparsed, TEXTOID, -1, false,
											TYPALIGN_INT));
	v[13] = nullable_text(r->reason, &n[13]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, n)));
}

PG_FUNCTION_INFO_V1(foistats_age_conflicts);
Datum
foistats_age_conflicts(PG_FUNCTION_ARGS)
{
	Datum		out[2];
	int			nout = 0;
	char		words[40];

	if (!PG_ARGISNULL(0))
	{
		ARG_MEMO(0);
		const OffenceResult *r = &m->facts;

		if (!PG_ARGISNULL(1) && r->has_vage)
		{
			int32		a = PG_GETARG_INT32(1);

			if (a < r->vage_lo || (r->vage_hi >= 0 && a >= r->vage_hi))
			{
				offence_range_words(r->vage_lo, r->vage_hi, words, sizeof(words));
				out[nout++] = CStringGetTextDatum(psprintf("victim_age: title says %s, recorded %d",
														   words, a));
			}
		}
		if (!PG_ARGISNULL(2) && r->has_oage)
		{
			int32		a = PG_GETARG_INT32(2);

			if (a < r->oage_lo || (r->oage_hi >= 0 && a >= r->oage_hi))
			{
				offence_range_words(r->oage_lo, r->oage_hi, words, sizeof(words));
				out[nout++] = CStringGetTextDatum(psprintf("offender_age: title says %s, recorded %d",
														   words, a));
			}
		}
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(out, nout, TEXTOID, -1, false, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(foistats_offence_key);
Datum
foistats_offence_key(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	char	   *buf = palloc(len + 1);

	offence_normalise(VARDATA_ANY(t), len, buf, len + 1);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(foistats_classify_cache);
Datum
foistats_classify_cache(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		v[4];
	bool		n[4] = {false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	desc = BlessTupleDesc(desc);
	v[0] = Int64GetDatum(OidIsValid(cache_tag.relid) ? (int64) nmemo : 0);
	v[1] = Int64GetDatum(stat_lookups);
	v[2] = Int64GetDatum(stat_misses);
	v[3] = Int64GetDatum(stat_loads);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, n)));
}

/*
 * Trigger on offence_override and ho_offence.  FOR EACH ROW BEFORE INSERT/UPDATE:
 * checks that ho_code names a code of the reference list.  FOR EACH STATEMENT AFTER:
 * bumps the version of the classify cache (cache.h).
 */
PG_FUNCTION_INFO_V1(foistats_offence_override_trigger);
Datum
foistats_offence_override_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR, (errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
						errmsg("foistats.offence_override_trigger() must be called as a trigger")));
	if (TRIGGER_FIRED_FOR_ROW(td->tg_event))
	{
		HeapTuple	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
		TupleDesc	d = td->tg_relation->rd_att;
		int			col = SPI_fnumber(d, "ho_code");
		char	   *code;

		if (col <= 0)
			elog(ERROR, "table has no ho_code column");
		code = SPI_getvalue(tup, d, col);
		if (code != NULL)
		{
			ensure_cache(fcinfo);
			if (find_code(code) == NULL)
				ereport(ERROR, (errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
								errmsg("unknown Home Office code \"%s\"", code),
								errdetail("An override must name a code of foistats.ho_offence."),
								errhint("Codes are written CCC/SS, e.g. 019/07.")));
		}
		return PointerGetDatum(tup);
	}
	foistats_cache_bump(RelationGetNamespace(td->tg_relation), "classify");
	return PointerGetDatum(NULL);
}
