"""The time zone of a town by its name, for `new --location` beyond the places table.

The places table (data/places.yaml) knows the capitals and summit venues an
imported story names; an editor may hold an event anywhere. GeoNames' table of
every town of 15,000 people or more, with its country and IANA zone, comes in
the `geotext` package (data/cities15000.txt, data/countryInfo.txt): read here as
data, never imported (its module indexes every file as it loads). Without it,
no town is known and `new` says so as it did before.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

_NAME, _ASCII_NAME, _COUNTRY, _POPULATION, _ZONE = 1, 2, 8, 14, 17


@dataclass(frozen=True)
class Town:
    """A town of GeoNames' table: its name, country (ISO code), people and zone."""

    name: str
    country: str
    population: int
    zone: str


def town_named(location: str) -> Town | None:
    """The town `location` is, as a whole: "Lyon", or "Lyon, France" (the largest town
    of that name, in that country), or None. A name many towns share is the largest
    of them, as a reader would take it ("Lyon" is the French city)."""
    name, *rest = (" ".join(part.split()).casefold() for part in location.split(","))
    towns = _towns().get(name, ())
    if rest:
        countries = _countries()
        if len(rest) > 1 or rest[0] not in countries:
            return None  # "Lyon, Rhône": not a country we can check
        towns = tuple(town for town in towns if town.country == countries[rest[0]])
    return towns[0] if towns else None


def _folder() -> Path | None:
    """geotext's data folder, found without importing the package."""
    spec = importlib.util.find_spec("geotext")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return folder if folder.is_dir() else None


@functools.cache
def _towns() -> dict[str, tuple[Town, ...]]:
    """Towns by their name and their ASCII name, casefolded, the largest first."""
    folder = _folder()
    if folder is None:
        return {}
    found: dict[str, list[Town]] = {}
    with (folder / "cities15000.txt").open(encoding="utf-8") as rows:
        for row in rows:
            columns = row.rstrip("\n").split("\t")
            if len(columns) <= _ZONE or not columns[_ZONE]:
                continue
            town = Town(
                columns[_NAME], columns[_COUNTRY], int(columns[_POPULATION] or 0), columns[_ZONE]
            )
            for key in {columns[_NAME].casefold(), columns[_ASCII_NAME].casefold()}:
                found.setdefault(key, []).append(town)
    return {
        key: tuple(sorted(towns, key=lambda town: -town.population)) for key, towns in found.items()
    }


@functools.cache
def _countries() -> dict[str, str]:
    """Country names, casefolded, to their ISO codes."""
    folder = _folder()
    if folder is None:
        return {}
    found = {}
    with (folder / "countryInfo.txt").open(encoding="utf-8") as rows:
        for row in rows:
            columns = row.rstrip("\n").split("\t")
            if not row.startswith("#") and len(columns) > 4:
                found[columns[4].casefold()] = columns[0]
    return found
