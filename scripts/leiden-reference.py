#!/usr/bin/python3
"""Reference modularity for our Louvain communities: Leiden (igraph + leidenalg) on the same graph.

stdin : {"n": node count, "edges": [[u, v, weight], ...], "membership": [community of node i, ...]}
stdout: {"leiden": Q, "ours": Q, "leidenCount": k, "oursCount": k}
Both Q come from igraph's own `modularity` (weighted, resolution 1), so they are comparable.
Needs Debian's python3-igraph and python3-leidenalg: run with /usr/bin/python3.
"""
import json
import sys

import igraph
import leidenalg

SEEDS = (1, 2, 3, 4, 5)


def main() -> None:
    data = json.load(sys.stdin)
    edges = data["edges"]
    graph = igraph.Graph(n=data["n"], edges=[(u, v) for u, v, _ in edges], directed=False)
    graph.es["weight"] = [w for _, _, w in edges]

    best = None
    for seed in SEEDS:
        # n_iterations=-1: iterate until an iteration no longer improves the partition.
        partition = leidenalg.find_partition(
            graph, leidenalg.ModularityVertexPartition, weights="weight", n_iterations=-1, seed=seed
        )
        q = graph.modularity(partition.membership, weights="weight", resolution=1)
        if best is None or q > best[0]:
            best = (q, len(set(partition.membership)))

    ours = data["membership"]
    json.dump(
        {
            "leiden": best[0],
            "ours": graph.modularity(ours, weights="weight", resolution=1),
            "leidenCount": best[1],
            "oursCount": len(set(ours)),
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
