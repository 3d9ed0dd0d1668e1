"""Baseline: the stale-order rule the way the original Lambda did it, with csv.DictReader/DictWriter.

Usage: orders_python.py <in> <out> <asOf> <maxAgeDays>
"""
import csv
import json
import resource
import sys
from datetime import date

STALE = {"pending", "cancelled", "canceled"}


def main(source, target, as_of, max_age):
    as_of = date.fromisoformat(as_of)
    with open(source, newline="", encoding="utf-8") as fin, open(target, "w", newline="", encoding="utf-8") as fout:
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        for row in reader:
            age = (as_of - date.fromisoformat(row["OrderDate"])).days
            if row["Status"].strip().lower() in STALE and age > max_age:
                continue
            writer.writerow(row)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peakRssMb": round(peak, 1)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
