#!/usr/bin/python3
"""igraph's Louvain and Leiden modularity on the benchmark's graph, beside ours (scored by igraph too).

argv[1]: a text file: first line "n", then one line per edge "u v weight", then a line "membership",
         then one community id per node, in node order. Prints one JSON line.
Needs Debian's python3-igraph: run with /usr/bin/python3. Leiden is igraph's own (no leidenalg needed).
"""
import json
import sys
import time

import igraph


def main() -> None:
    with open(sys.argv[1]) as f:
        n = int(f.readline())
        edges, weights = [], []
        for line in f:
            if line.startswith("membership"):
                break
            u, v, w = line.split()
            edges.append((int(u), int(v)))
            weights.append(float(w))
        ours = [int(line) for line in f]
    graph = igraph.Graph(n=n, edges=edges, directed=False)
    graph.es["weight"] = weights
    out = {"ours": graph.modularity(ours, weights="weight")}
    start = time.perf_counter()
    louvain = graph.community_multilevel(weights="weight")
    out["louvain"] = graph.modularity(louvain.membership, weights="weight")
    out["louvainSeconds"] = time.perf_counter() - start
    start = time.perf_counter()
    leiden = graph.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    out["leiden"] = graph.modularity(leiden.membership, weights="weight")
    out["leidenSeconds"] = time.perf_counter() - start
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
