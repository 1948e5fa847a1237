#!/usr/bin/env python3
"""Builds places-fr.tsv and places-en.tsv (NAME<TAB>place) from Debian's iso-codes (LGPL-2.1-or-later):
country names (ISO 3166-1, common and official names) in English and their French translations.
Usage: python3 assets/ner/make_places.py  (needs the iso-codes package: /usr/share/iso-codes, /usr/share/locale)."""
import gettext, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
countries = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
fr = gettext.GNUTranslations(open("/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo", "rb"))._catalog

def variants(name):
    # "Bolivia, Plurinational State of" -> "Bolivia"; "Korea, Republic of" is skipped (no natural short form).
    out = set()
    if "," in name:
        head = name.split(",")[0].strip()
        if not head.endswith(("Korea", "Congo")):
            out.add(head)
    else:
        out.add(name)
    return {re.sub(r"\s*\(.*\)", "", n).strip() for n in out if n}

en, frn = set(), set()
for c in countries:
    for key in ("name", "common_name", "official_name"):
        n = c.get(key)
        if not n:
            continue
        en |= variants(n)
        t = fr.get(n)
        if t:
            frn |= variants(t)
for path, names in (("places-en.tsv", en), ("places-fr.tsv", frn)):
    with open(os.path.join(HERE, path), "w") as f:
        for n in sorted(names):
            if len(n) > 2:
                f.write(f"{n}\tplace\n")
