#!/usr/bin/python3
"""igraph's Louvain and Leiden modularity on the benchmark's graph, beside ours (scored by igraph too).

argv[1]: a directory holding edges.txt ("u v" per edge, 0-based node ids), weights.txt (one weight per edge,
         same order) and membership.txt (our community id per node, in node order; its length is the node count).
Prints one JSON line. Needs Debian's python3-igraph: run with /usr/bin/python3. Leiden is igraph's own.
Edges are parsed by igraph in C, and equal weights share one float: ~10M edges (1M papers) fit in ~2 GB.
"""
import json
import os
import resource
import sys
import time

import igraph


def main() -> None:
    folder = sys.argv[1]
    with open(os.path.join(folder, "membership.txt")) as f:
        ours = [int(line) for line in f]
    graph = igraph.Graph.Read_Edgelist(os.path.join(folder, "edges.txt"), directed=False)
    # Read_Edgelist stops at the largest id seen: add trailing isolated nodes.
    graph.add_vertices(len(ours) - graph.vcount())
    shared: dict[str, float] = {}
    with open(os.path.join(folder, "weights.txt")) as f:
        graph.es["weight"] = [shared.get(line) or shared.setdefault(line, float(line)) for line in f]
    out = {"ours": graph.modularity(ours, weights="weight")}
    start = time.perf_counter()
    louvain = graph.community_multilevel(weights="weight")
    out["louvain"] = graph.modularity(louvain.membership, weights="weight")
    out["louvainSeconds"] = time.perf_counter() - start
    start = time.perf_counter()
    leiden = graph.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    out["leiden"] = graph.modularity(leiden.membership, weights="weight")
    out["leidenSeconds"] = time.perf_counter() - start
    out["peakRssMb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
