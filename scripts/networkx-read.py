#!/usr/bin/env python3
"""Reads a GEXF or GraphML file with networkx (Debian's python3-networkx) and prints what it found as
JSON: {"directed", "nodes": {id: attributes}, "edges": [[source, target, attributes]]}. The export tests
use it as a reader independent of graphology.

Usage: networkx-read.py FILE.gexf|FILE.graphml

networkx before 3.x (Debian bookworm ships 2.8) knows GEXF 1.1 and 1.2 only. GEXF 1.3 changed the
namespaces and lets viz:color be a `hex` attribute; both are taught to its reader below, everything
else (attribute model, typed values, edges, weights) is networkx's own parsing.
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf as nx_gexf

GEXF_13 = {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
}
nx_gexf.GEXF.versions.setdefault("1.3", GEXF_13)


class Gexf13Reader(nx_gexf.GEXFReader):
    def add_viz(self, data, node_xml):
        color = node_xml.find(f"{{{self.NS_VIZ}}}color")
        hex_color = color.get("hex") if color is not None else None
        if hex_color and color.get("r") is None:
            value = hex_color.lstrip("#")
            color.set("r", str(int(value[0:2], 16)))
            color.set("g", str(int(value[2:4], 16)))
            color.set("b", str(int(value[4:6], 16)))
        return super().add_viz(data, node_xml)


def read(path):
    if path.endswith(".graphml"):
        return nx.read_graphml(path)
    if path.endswith(".gexf"):
        with open(path, "rb") as f:
            head = f.read(2000).decode("utf-8", "replace")
        version = "1.3" if 'version="1.3"' in head else "1.2draft"
        return Gexf13Reader(version=version)(path)
    raise SystemExit(f"networkx-read.py: {path}: expected a .gexf or .graphml file")


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    graph = read(sys.argv[1])
    out = {
        "directed": graph.is_directed(),
        "nodes": {str(n): a for n, a in graph.nodes(data=True)},
        "edges": [[str(s), str(t), a] for s, t, a in graph.edges(data=True)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
