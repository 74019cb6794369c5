#!/usr/bin/env python3
# derive-map.py — the offline base map's data, from Natural Earth via world-atlas
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-*.tgz
#   data/map/derive-map.py "$PWD/package/countries-50m.json" > data/map/world-50m.mkmap
#
# world-atlas (ISC licence) ships Natural Earth's 1:50m countries (public
# domain) as TopoJSON: arcs shared by the polygons that use them. This
# script keeps two things the tile renderer (src/mk-map-source.c) draws:
#
#   land     the rings of the "land" object (the countries merged): filled,
#            and stroked as the coast
#   borders  the arcs two different countries share: land borders
#
# and writes them, projected to Web Mercator, as the compact binary that
# src/core/mk-map-data.c reads (its header comment is the format):
#
#   "MKMAP001"                          8 bytes
#   uint32 n_land, n_borders            little-endian
#   n_land + n_borders records:
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
import struct
import sys

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


def arc_users(topology):
    users = {}
    for number, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(number)
    return users


def border_lines(topology, arcs):
    """Arcs used by two different countries are where they meet."""
    return [unwrap(arcs[i]) for i, countries in sorted(arc_users(topology).items()) if len(countries) > 1]


def record(points):
    projected = [mercator(lon, lat) for lon, lat in points]
    xs = [p[0] for p in projected]
    ys = [p[1] for p in projected]
    data = struct.pack("<4fI", min(xs), min(ys), max(xs), max(ys), len(projected))
    return data + b"".join(struct.pack("<2f", x, y) for x, y in projected)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: derive-map.py countries-50m.json > world-50m.mkmap")
    # The data is read by mk-map-data.c as it is, little-endian.
    assert sys.byteorder == "little" or struct.pack("<I", 1) == b"\x01\0\0\0"
    with open(sys.argv[1], encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)
    land = [r for r in land_rings(topology, arcs) if len(r) >= 3]
    borders = [b for b in border_lines(topology, arcs) if len(b) >= 2]

    out = sys.stdout.buffer
    out.write(b"MKMAP002" + struct.pack("<2I", len(land), len(borders)))
    for points in land + borders:
        out.write(record(points))


if __name__ == "__main__":
    main()
