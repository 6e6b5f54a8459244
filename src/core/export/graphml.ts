/**
 * GraphML, written here: graphology-graphml only parses. Every attribute gets a typed <key>
 * declaration; node keys `label`, `x`, `y`, `size`, `r`, `g`, `b` and edge key `weight` are the names
 * Gephi's GraphML importer maps to its label, position, size, colour and weight (yEd ignores them;
 * networkx and igraph read them as plain attributes). `color` keeps the hex for everyone else.
 */
import type { ExportNetwork, FlatValue } from './types';
import { escapeXml } from './xml';

type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';
type Row = Record<string, FlatValue>;

const INT32 = 2 ** 31 - 1;

function typeOf(value: FlatValue): GraphmlType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (!Number.isInteger(value)) return 'double';
  return Math.abs(value) <= INT32 ? 'int' : 'long';
}

/** The narrowest type that holds every value of the column (mixed kinds fall back to string). */
function widen(a: GraphmlType, b: GraphmlType): GraphmlType {
  if (a === b) return a;
  const numeric: GraphmlType[] = ['int', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))];
  return 'string';
}

function columns(rows: Row[]): Map<string, GraphmlType> {
  const model = new Map<string, GraphmlType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const current = model.get(name);
      model.set(name, current ? widen(current, typeOf(value)) : typeOf(value));
    }
  }
  return model;
}

function rgb(color: string): { r: number; g: number; b: number } {
  const hex = color.replace('#', '');
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

export function writeGraphml(network: ExportNetwork): string {
  const nodeRows: [string, Row][] = network.nodes.map((n) => [
    n.key,
    { label: n.label, kind: n.kind, community: n.community, communityLabel: n.communityLabel, x: n.x, y: n.y, size: n.size, color: n.color, ...rgb(n.color), ...n.attributes },
  ]);
  const edgeRows: Row[] = network.edges.map((e) => ({ kind: e.kind, weight: e.weight }));
  const nodeModel = columns(nodeRows.map(([, row]) => row));
  const edgeModel = columns(edgeRows);
  // Key ids are short and unique across node and edge keys (both have `kind`); attr.name carries the real name.
  const nodeIds = new Map([...nodeModel.keys()].map((name, i) => [name, `n${i}`]));
  const edgeIds = new Map([...edgeModel.keys()].map((name, i) => [name, `e${i}`]));

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of nodeModel) lines.push(`  <key id="${nodeIds.get(name)}" for="node" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  for (const [name, type] of edgeModel) lines.push(`  <key id="${edgeIds.get(name)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  lines.push(`  <graph id="${network.view}" edgedefault="undirected">`);
  const data = (ids: Map<string, string>, row: Row) =>
    Object.entries(row).map(([name, value]) => `<data key="${ids.get(name)}">${escapeXml(String(value))}</data>`).join('');
  for (const [key, row] of nodeRows) lines.push(`    <node id="${escapeXml(key)}">${data(nodeIds, row)}</node>`);
  network.edges.forEach((edge, i) => {
    lines.push(`    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data(edgeIds, edgeRows[i])}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
