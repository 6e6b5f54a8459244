/**
 * Lazy text of a graph loaded from compact files: labels arrive right after the first frame, text shards
 * when a panel asks. Components ask through the graph itself (a registry keyed by the graph object), so a
 * graph loaded from graph.json — already complete — needs no special case: everything is "ready".
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AtlasGraph } from '../../core/graphFile';
import { mergeLabels, mergeReport, mergeTextShard, shardOf, type CompactGraph, type Manifest } from '../../core/graphFile/compact/read';

export interface GraphTextSource {
  state: CompactGraph;
  manifest: Manifest;
  /** Fetches and parses one part of the compact files (relative file name). */
  fetchPart(file: string): Promise<unknown>;
}

class GraphText {
  version = 0;
  private listeners = new Set<() => void>();
  private shards = new Map<number, Promise<void>>();
  private report: Promise<void> | null = null;
  private indexOf: Map<string, number> | null = null;
  readonly labels: Promise<void>;

  constructor(private readonly source: GraphTextSource) {
    this.labels = source.fetchPart(source.manifest.labels).then((json) => {
      mergeLabels(source.state, json);
      this.bump();
    });
    // A failure is reported where the labels are awaited; keep it from being "unhandled" meanwhile.
    this.labels.catch(() => {});
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private bump(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Whether every attribute of this node is in the graph already. */
  hasText(key: string): boolean {
    const { state, manifest } = this.source;
    if (!state.labelsMerged) return false;
    const kind = state.graph.getNodeAttribute(key, 'kind');
    if (!state.header.textKinds.includes(kind)) return true;
    const shard = shardOf(manifest.text, this.index(key));
    return shard < 0 || state.shardsMerged.has(manifest.text[shard].start);
  }

  private index(key: string): number {
    this.indexOf ??= new Map(this.source.state.keys.map((k, i) => [k, i]));
    return this.indexOf.get(key) ?? -1;
  }

  ensureNodeText(keys: readonly string[]): Promise<void> {
    const { state, manifest } = this.source;
    const wanted = new Set<number>();
    for (const key of keys) {
      if (!state.graph.hasNode(key) || !state.header.textKinds.includes(state.graph.getNodeAttribute(key, 'kind'))) continue;
      const shard = shardOf(manifest.text, this.index(key));
      if (shard >= 0) wanted.add(shard);
    }
    return Promise.all([this.labels, ...[...wanted].map((shard) => this.loadShard(shard))]).then(() => {});
  }

  private loadShard(shard: number): Promise<void> {
    let pending = this.shards.get(shard);
    if (!pending) {
      pending = this.source.fetchPart(this.source.manifest.text[shard].file).then((json) => {
        mergeTextShard(this.source.state, json);
        this.bump();
      });
      // A failed fetch may be retried by the next request.
      pending.catch(() => this.shards.delete(shard));
      this.shards.set(shard, pending);
    }
    return pending;
  }

  /** Labels, every shard and the report: the complete graph file (for exports). */
  ensureAll(): Promise<void> {
    this.report ??= this.source.fetchPart(this.source.manifest.report).then((json) => mergeReport(this.source.state, json));
    return Promise.all([this.labels, this.report, ...this.source.manifest.text.map((_, i) => this.loadShard(i))]).then(() => {});
  }
}

const registry = new WeakMap<AtlasGraph, GraphText>();

export function registerGraphText(source: GraphTextSource): void {
  registry.set(source.state.graph, new GraphText(source));
}

/** Resolves once the node's every attribute is in the graph (at once for graphs loaded whole). */
export function ensureNodeText(graph: AtlasGraph, keys: readonly string[]): Promise<void> {
  return registry.get(graph)?.ensureNodeText(keys) ?? Promise.resolve();
}

/** Resolves once the graph holds everything graph.json would (exports, downloads). */
export function ensureAllText(graph: AtlasGraph): Promise<void> {
  return registry.get(graph)?.ensureAll() ?? Promise.resolve();
}

/** Resolves once titles and names are in (search indexes them). */
export function whenLabelsLoaded(graph: AtlasGraph): Promise<void> {
  return registry.get(graph)?.labels ?? Promise.resolve();
}

const noSubscription = () => () => {};

/** A number that changes whenever lazy text was merged into the graph: a memo dependency. */
export function useGraphTextVersion(graph: AtlasGraph): number {
  const text = registry.get(graph);
  return useSyncExternalStore(text?.subscribe ?? noSubscription, () => text?.version ?? 0);
}

/** Whether titles and names are in the graph yet (always for graphs loaded whole). */
export function useLabelsLoaded(graph: AtlasGraph): boolean {
  const [loaded, setLoaded] = useState<AtlasGraph | null>(registry.has(graph) ? null : graph);
  useEffect(() => {
    let live = true;
    whenLabelsLoaded(graph).then(
      () => live && setLoaded(graph),
      (err: Error) => console.warn(`Paper Atlas: titles and names could not be loaded: ${err.message}`),
    );
    return () => {
      live = false;
    };
  }, [graph]);
  return loaded === graph;
}

/**
 * For the panel: fetches the selected node's text shard and returns the text version, which changes when
 * it (or any other lazy text) has been merged, so details computed with it as a dependency are recomputed.
 */
export function useNodeText(graph: AtlasGraph, key: string | null): number {
  const version = useGraphTextVersion(graph);
  useEffect(() => {
    if (key) ensureNodeText(graph, [key]).catch((err: Error) => console.warn(`Paper Atlas: the text of ${key} could not be loaded: ${err.message}`));
  }, [graph, key]);
  return version;
}

/** Whether the node's text is in (false while its shard is on the way). */
export function hasNodeText(graph: AtlasGraph, key: string): boolean {
  return registry.get(graph)?.hasText(key) ?? true;
}
