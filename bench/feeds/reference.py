#!/usr/bin/env python3
"""The reference item counts of the feed corpus (tests/testdata/feedparser): each file read by Python's feedparser
(run from a checkout of github.com/kurtmckee/feedparser; its sgmllib dependency may be Python 2.7's sgmllib.py made
importable as feedparser_sgmllib). Writes reference.tsv: path, version, bozo, entries.
Usage: python3 bench/feeds/reference.py /path/to/feedparser-checkout > tests/testdata/feedparser/reference.tsv"""
import os
import sys

sys.path.insert(0, sys.argv[1])
import feedparser  # noqa: E402

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "testdata", "feedparser")
print("path\tversion\tbozo\tentries")
for folder, _, files in sorted(os.walk(root)):
    for name in sorted(files):
        if not name.endswith(".xml"):
            continue
        path = os.path.join(folder, name)
        result = feedparser.parse(path)
        print(f"{os.path.relpath(path, root)}\t{result.get('version', '')}\t{int(bool(result.bozo))}\t{len(result.entries)}")
