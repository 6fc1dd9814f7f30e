#!/usr/bin/env python3
"""Copies the sourced facts of ../shared/reference/ into seed/reference/ in ChainLink's own CSV format.
Run from the repository root: python3 seed/build_reference.py [path-to-shared-reference]"""
import csv, os, sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "reference")
dst = os.path.join("seed", "reference")
os.makedirs(dst, exist_ok=True)


def rows(name):
    with open(os.path.join(src, name), encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def write(name, header, data):
    with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(data)
    print(f"{name}: {len(data)} rows")


write("regions.csv", ["code", "name", "level", "division_type", "parent_code", "lon", "lat"],
      [[r["code"], r["name"], r["level"], r["division_type"], r["parent_code"], r["lon"], r["lat"]] for r in rows("regions.csv")])
write("major_categories.csv", ["code", "name", "kind", "parent_code"],
      [[r["code"], r["name"], r["kind"], r["parent_code"]] for r in rows("major_categories.csv")])
write("majors.csv", ["code", "name", "level", "category_code", "division_code", "national_control", "first_enrollment_year"],
      [[r["code"], r["name"], r["level"], r["category_code"], r["division_code"], r["national_control"], r["first_enrollment_year"]] for r in rows("majors.csv")])
write("occupations.csv", ["code", "name", "level", "parent_code", "green", "digital"],
      [[r["code"], r["name"], r["level"], r["parent_code"], r["green_occupation"] or "false", r["digital_occupation"] or "false"] for r in rows("occupations.csv")])
