#!/usr/bin/env python3
"""Write the shipped request templates (rows of foistats.request, shipped = true).

    python3 test/data/make_templates.py [OUTPUT]     (default data/request_templates.sql)

Each template is a real request: its definition (population, rows, columns,
measure, ...) is written here once, and every text a response quotes (the
questions as asked, the tables' titles, answers in words, the closing
exemption paragraphs) is cut from the cited source by this script, never
typed: the seed response (../shared/seed/*.txt) for
wmp_2014_child_sexual_offences, and the stored source excerpts in
test/fixtures/requests/*/source.txt for the others (their .cite files say
where each comes from).  test/checks/templates.sh re-runs this and
compares the output with the committed file whenever the sources exist.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUTPUT = os.path.join(ROOT, "data", "request_templates.sql")


class SourceError(Exception):
    pass


def seed_lines():
    seed_dir = os.environ.get("FOISTATS_SEED_DIR", os.path.join(ROOT, "..", "shared", "seed"))
    files = sorted(glob.glob(os.path.join(seed_dir, "*.txt")))
    if len(files) != 1:
        raise SourceError("%s: expected exactly one *.txt seed file, found %d" % (seed_dir, len(files)))
    with open(files[0], encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def unbold(s):
    s = s.strip()
    if s.startswith("**") and s.endswith("**"):
        s = s[2:-2]
    return s.strip()


def line_after(lines, pattern, start=0):
    """Index of the first line at or after start matching pattern."""
    rx = re.compile(pattern)
    for i in range(start, len(lines)):
        if rx.search(lines[i]):
            return i
    raise SourceError("no line matches %r after line %d" % (pattern, start + 1))


def question_text(lines, qid):
    i = line_after(lines, r"^(\*\*)?%s[. ]" % re.escape(qid))
    text = re.sub(r"^%s\.?\s*" % re.escape(qid), "", unbold(lines[i]))
    return i, text


def next_nonblank(lines, i):
    i += 1
    while lines[i].strip() == "":
        i += 1
    return i


def paragraphs(lines, start, stop_pattern=None):
    """Non-blank lines from start up to a line matching stop_pattern (or the end)."""
    out = []
    for i in range(start, len(lines)):
        if stop_pattern and re.search(stop_pattern, lines[i]):
            break
        if lines[i].strip():
            out.append(lines[i].strip())
    return out


def seed_template():
    L = seed_lines()
    q = {}
    for qid in ["1", "1b", "1c", "1d", "2", "3"]:
        q[qid] = question_text(L, qid)
    title = {qid: unbold(L[next_nonblank(L, q[qid][0])]) for qid in ["1", "1b", "1c"]}
    answer_1d = L[next_nonblank(L, q["1d"][0])].strip()
    if not answer_1d.startswith("Six of the reported crimes"):
        raise SourceError("1d: unexpected answer %r" % answer_1d)
    answer_1d = "{1d.convictions:Words}" + answer_1d[len("Six"):]
    q2_answer = paragraphs(L, q["2"][0] + 1, r"^\*\*3\.")
    q3_list = [re.sub(r"^- [a-g]\. ?", "", l) for l in paragraphs(L, q["3"][0] + 1, r"^\t")]
    closing_start = line_after(L, r"^In addition to the data provided above")
    closing = paragraphs(L, closing_start)
    text3 = q["3"][1] + ": " + "; ".join(x.rstrip(".") for x in q3_list)

    platforms = ["Facebook", "Twitter", "WhatsApp", "Snapchat", "Instagram", "Tumblr"]
    spec = {
        "title": "Sexual offences against children, internet involvement, grooming and social media",
        "description": "Sexual offences by adults against children by type and year, with the internet marker, grooming in the MO, convictions, and crimes mentioning social media platforms",
        "source": "West Midlands Police, response to a Freedom of Information request (2014), ../shared/seed/000_286780e0c5970899.txt",
        "period": {"from": "2010-01-01", "to": "2014-05-31"},
        "columns": "year",
        "questions": [
            {"id": "1", "text": q["1"][1], "title": title["1"],
             "population": "victim_age < 18 AND offender_age >= 18 AND coalesce(foistats.is_sexual_offence(ho_code), foistats.is_sexual_offence(offence))",
             "rows": {"dimension": "offence"}},
            {"id": "1b", "subset_of": "1", "text": q["1b"][1], "title": title["1b"],
             "population": "'INTERNET INVOLVED' = ANY (markers)",
             "rows": {"dimension": "offence"}, "render": {"bold": ["total_row"]}},
            {"id": "1c", "subset_of": "1", "text": q["1c"][1], "title": title["1c"],
             "population": "foistats.mentions_any(mo, 'grooming')",
             "rows": {"dimension": "offence"}, "render": {"bold": ["total_row"]}},
            {"id": "1d", "subset_of": "1c", "text": q["1d"][1],
             "measure": {"count": "convicted", "name": "convictions"},
             "answer": answer_1d},
            {"id": "2", "text": q["2"][1], "answer": "\n\n".join(q2_answer)},
            {"id": "3", "text": text3,
             "population": "foistats.mentions_any(mo, 'platforms')",
             "rows": {"terms": "platforms", "only": platforms, "case": "upper", "name": "platform"},
             "render": {"bold": ["row_labels", "total_column", "total_row"]}},
        ],
        "closing": closing,
    }
    return "wmp_2014_child_sexual_offences", spec


FIX = os.path.join(ROOT, "test", "fixtures", "requests")


def source_lines(name):
    with open(os.path.join(FIX, name, "source.txt"), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def cite_url(name):
    with open(os.path.join(FIX, name, name + ".cite"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("url:"):
                return line.split(":", 1)[1].strip()
    raise SourceError("%s: no url in its .cite" % name)


def one_line(lines, pattern):
    hits = [l for l in lines if re.search(pattern, l)]
    if len(hits) != 1:
        raise SourceError("expected one line matching %r, found %d" % (pattern, len(hits)))
    return hits[0].strip()


def northants_template():
    w = source_lines("warwickshire_2025_scwc_question")
    n = source_lines("northants_2025_scwc_age_sex")
    q1 = re.sub(r"^Q1\.\s*", "", one_line(w, r"^Q1\. "))
    q2 = re.sub(r"^Q2\.\s*", "", one_line(w, r"^Q2\. "))
    i = n.index("Question 1")
    a1 = (n[i + 1].strip() + " " + n[i + 2].strip())
    if not a1.endswith("Total Count 52"):
        raise SourceError("northants: unexpected Question 1 answer %r" % a1)
    a1 = a1[:-len("52")] + "{1.crimes}"
    return "northants_2025_scwc_age_sex", {
        "title": "Sexual communication with a child (Home Office code 71/17)",
        "description": "The NSPCC's recurring request: offences of sexual communication with a child in a financial year, by victim sex and age group",
        "source": "Northamptonshire Police FOI 10905-25, %s; the request as printed by Warwickshire Police FOI 581-2025, %s"
                  % (cite_url("northants_2025_scwc_age_sex"), cite_url("warwickshire_2025_scwc_question")),
        "period": {"from": "2024/25", "to": "2024/25"},
        "columns": "fy",
        "questions": [
            {"id": "1", "text": q1,
             "population": "foistats.ho_code(coalesce(ho_code, offence)) = '071/17'",
             "measure": "crimes", "answer": a1},
            {"id": "2", "subset_of": "1", "text": q2,
             "rows": {"dimension": "victim_sex", "unknown": "Unknown"},
             "columns": {"dimension": "victim_age", "bands": ["11 and under", "12-15", "16 and over"],
                         "unknown": "Unknown Age", "name": "age"},
             "sort": {"order": ["Female", "Male", "Unknown"]},
             "zeros": {"rows": True, "periods": True}},
        ],
    }


def wmp_template():
    s = source_lines("wmp_2023_cautions_outcome")
    req = [l.lstrip("– ").strip() for l in s if l.startswith("– ")]
    if len(req) != 2:
        raise SourceError("wmp: expected the two request lines, found %d" % len(req))
    note = one_line(s, r"^The 2023 data goes up to")
    return "wmp_2023_cautions_by_outcome", {
        "title": "Cautions given",
        "description": "Crimes with a youth caution (outcome 2) or an adult caution (outcome 3), by year",
        "source": "West Midlands Police FOI 1887A/23, %s" % cite_url("wmp_2023_cautions_outcome"),
        "period": {"from": "2021-01-01", "to": "2023-12-12"},
        "questions": [
            {"id": "1", "text": " ".join(req), "title": "OVERALL", "row_header": "Year",
             "population": "outcome IN ('2', '3')",
             "rows": {"dimension": "year"},
             "columns": {"expr": "'Outcome ' || outcome", "name": "outcome"},
             "sort": "label", "footnotes": [note]},
        ],
    }


def cleveland_template():
    s = source_lines("cleveland_2024_restraining_orders")
    heading = one_line(s, r"^Restraining orders$")
    return "cleveland_2024_restraining_orders", {
        "title": heading,
        "description": "Breaches of restraining orders (Home Office codes 008/31 and 066/38) recorded each calendar year",
        "source": "Cleveland Police FOI 242-24, %s" % cite_url("cleveland_2024_restraining_orders"),
        "period": {"from": "2018", "to": "2023"},
        "questions": [
            {"id": "1", "title": heading, "row_header": "Crime Type",
             "population": "foistats.ho_code(ho_code) IN ('008/31', '066/38')",
             "rows": {"expr": "foistats.ho_code(ho_code) || ' - ' || offence", "name": "crime_type"}},
        ],
    }


def psni_template():
    s = source_lines("belfasttelegraph_2023_psni_scwc_by_fy")
    desc = one_line(s, r"^In a Freedom of Information request by the NSPCC")
    return "psni_2023_scwc_by_fy", {
        "title": "Sexual communication with a child offences",
        "description": desc,
        "source": "Belfast Telegraph, 15 August 2023, reporting the PSNI's answer to the NSPCC, %s"
                  % cite_url("belfasttelegraph_2023_psni_scwc_by_fy"),
        "period": {"from": "2017/18", "to": "2022/23"},
        "columns": "fy",
        "questions": [
            {"id": "1", "title": "Sexual communication with a child offences recorded by the PSNI",
             "population": "foistats.ho_code(coalesce(ho_code, offence)) = '071/17'",
             "rows": {"expr": "'Sexual communication with a child offences'"},
             "render": {"total_label": "Total"}},
        ],
    }


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUTPUT
    rows = [seed_template(), northants_template(), wmp_template(), cleveland_template(), psni_template()]
    text = ["-- GENERATED by test/data/make_templates.py; do not edit.",
            "-- Shipped request templates: real requests, their texts cut from the cited sources.",
            "",
            "INSERT INTO @extschema@.request (name, spec, shipped) VALUES"]
    vals = []
    for name, spec in rows:
        vals.append(" (%s,\n  %s::jsonb, true)" % (sql_literal(name),
                                                  sql_literal(json.dumps(spec, indent=1, ensure_ascii=False))))
    text.append(",\n".join(vals) + ";")
    data = "\n".join(text) + "\n"
    if out == "-":
        sys.stdout.write(data)
    else:
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            f.write(data)


if __name__ == "__main__":
    try:
        main()
    except SourceError as e:
        sys.exit("make_templates.py: %s" % e)
