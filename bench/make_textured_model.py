#!/usr/bin/python3
"""Write a glTF model with many large textures, for bench/compare_f3d.py.

The public corpus (../shared/models) has one model with large textures
(DamagedHelmet, five at 2048x2048). Issue 12 asks for the single-model
budgets on models with many. This writes one: a row of boxes, each with its
own base-colour and normal texture, every texture SIZE x SIZE pixels, as
PNG files next to the .gltf (as exported models often keep them).

The pixels are a gradient with noise in their low bits, so that they
compress about as badly as photographs do: decoding them costs what real
textures cost.

Debian's /usr/bin/python3, standard library only. Usage:
  /usr/bin/python3 bench/make_textured_model.py OUTDIR [--boxes N] [--size S]
then
  /usr/bin/python3 bench/compare_f3d.py --model OUTDIR/textured_boxes.gltf
"""

import argparse
import json
import random
import struct
import sys
import zlib
from pathlib import Path


def png_bytes(width, height, rows):
    """An 8-bit RGB PNG from an iterable of rows (bytes, 3 per pixel)."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + row for row in rows)  # filter "none" on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def texture_rows(size, seed, normal_map):
    """Rows of a texture: a diagonal gradient (or a flat normal), with noise."""
    rng = random.Random(seed)
    if normal_map:
        base = bytes([128, 128, 255]) * size
        mask = b"\x07\x07\x03" * size
    else:
        hue = [rng.randrange(64, 256) for _ in range(3)]
        base = b"".join(bytes([(hue[0] * x) // size, (hue[1] * (size - x)) // size, hue[2] // 2])
                        for x in range(size))
        mask = b"\x1f\x1f\x1f" * size
    doubled = base + base
    mask_value = int.from_bytes(mask, "little")
    noise = rng.randbytes(len(base) * 8)
    for y in range(size):
        offset = (y * 3) % len(base)
        row = doubled[offset:offset + len(base)]
        start = (y * 7919 * 3) % (len(noise) - len(base))
        bits = int.from_bytes(noise[start:start + len(base)], "little") & mask_value
        yield (int.from_bytes(row, "little") ^ bits).to_bytes(len(base), "little")


def box_geometry():
    """A unit box: 24 vertices (4 a face), positions, normals, tangents, uvs, 36 indices."""
    faces = [((1, 0, 0), (0, 0, -1)), ((-1, 0, 0), (0, 0, 1)), ((0, 1, 0), (1, 0, 0)),
             ((0, -1, 0), (1, 0, 0)), ((0, 0, 1), (1, 0, 0)), ((0, 0, -1), (-1, 0, 0))]
    positions, normals, tangents, uvs, indices = [], [], [], [], []
    for normal, tangent in faces:
        bitangent = (normal[1] * tangent[2] - normal[2] * tangent[1],
                     normal[2] * tangent[0] - normal[0] * tangent[2],
                     normal[0] * tangent[1] - normal[1] * tangent[0])
        first = len(positions)
        for u, v in ((0, 0), (1, 0), (1, 1), (0, 1)):
            su, sv = u * 2 - 1, v * 2 - 1
            positions.append(tuple(0.5 * (normal[i] + su * tangent[i] + sv * bitangent[i]) for i in range(3)))
            normals.append(normal)
            tangents.append(tangent + (1.0,))
            uvs.append((u, 1 - v))
        indices += [first, first + 1, first + 2, first, first + 2, first + 3]
    return positions, normals, tangents, uvs, indices


def write_model(folder, boxes, size):
    folder.mkdir(parents=True, exist_ok=True)
    positions, normals, tangents, uvs, indices = box_geometry()
    blob = bytearray()
    views, accessors = [], []

    def add(values, fmt, component, kind, target, with_bounds=False):
        data = b"".join(struct.pack(fmt, *(v if isinstance(v, tuple) else (v,))) for v in values)
        while len(blob) % 4:
            blob.append(0)
        views.append({"buffer": 0, "byteOffset": len(blob), "byteLength": len(data), "target": target})
        blob.extend(data)
        accessor = {"bufferView": len(views) - 1, "componentType": component, "count": len(values), "type": kind}
        if with_bounds:
            accessor["min"] = [min(p[i] for p in values) for i in range(3)]
            accessor["max"] = [max(p[i] for p in values) for i in range(3)]
        accessors.append(accessor)
        return len(accessors) - 1

    attributes = {
        "POSITION": add(positions, "<3f", 5126, "VEC3", 34962, with_bounds=True),
        "NORMAL": add(normals, "<3f", 5126, "VEC3", 34962),
        "TANGENT": add(tangents, "<4f", 5126, "VEC4", 34962),
        "TEXCOORD_0": add(uvs, "<2f", 5126, "VEC2", 34962),
    }
    index_accessor = add(indices, "<H", 5123, "SCALAR", 34963)

    images, textures, materials, meshes, nodes = [], [], [], [], []
    for box in range(boxes):
        for kind in ("color", "normal"):
            name = "box%02d_%s.png" % (box, kind)
            rows = texture_rows(size, seed=box * 2 + (kind == "normal"), normal_map=kind == "normal")
            (folder / name).write_bytes(png_bytes(size, size, rows))
            images.append({"uri": name})
            textures.append({"source": len(images) - 1})
        materials.append({"name": "box%02d" % box,
                          "pbrMetallicRoughness": {"baseColorTexture": {"index": len(textures) - 2},
                                                   "metallicFactor": 0.0, "roughnessFactor": 0.6},
                          "normalTexture": {"index": len(textures) - 1}})
        meshes.append({"primitives": [{"attributes": attributes, "indices": index_accessor,
                                       "material": len(materials) - 1}]})
        columns = 4
        nodes.append({"mesh": box, "translation": [1.5 * (box % columns), 0.5, 1.5 * (box // columns)]})

    (folder / "textured_boxes.bin").write_bytes(bytes(blob))
    gltf = {
        "asset": {"version": "2.0", "generator": "twin-tour bench/make_textured_model.py"},
        "scene": 0, "scenes": [{"nodes": list(range(len(nodes)))}], "nodes": nodes, "meshes": meshes,
        "materials": materials, "textures": textures, "images": images,
        "samplers": [], "accessors": accessors, "bufferViews": views,
        "buffers": [{"uri": "textured_boxes.bin", "byteLength": len(blob)}],
    }
    del gltf["samplers"]
    path = folder / "textured_boxes.gltf"
    path.write_text(json.dumps(gltf, indent=1))
    return path


def main(argv):
    parser = argparse.ArgumentParser(description="Write a glTF with many large textures (see the top of this file).")
    parser.add_argument("folder", type=Path, help="where to write the .gltf, its .bin and its PNGs")
    parser.add_argument("--boxes", type=int, default=8, help="boxes, each with a colour and a normal texture (default 8)")
    parser.add_argument("--size", type=int, default=2048, help="texture width and height in pixels (default 2048)")
    args = parser.parse_args(argv)
    if args.boxes < 1 or not 1 <= args.size <= 8192:
        parser.error("--boxes must be at least 1 and --size within 1-8192")
    path = write_model(args.folder, args.boxes, args.size)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
