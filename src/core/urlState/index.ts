/**
 * Deep links: the selected node and the filters live in the URL hash, so a view can be shared.
 * `#node=author%3Aflorian-bordes&kinds=paper,author&cat=cs.LG,cs.CV&years=2019-2023&community=2`, plus
 * `view=coauthor` (the co-authorship network) and `color=year` (colour by year).
 * Defaults are left out (the plain view is `''`, and hashes written before a parameter existed
 * still open the same view); decoding forgives anything a person could paste.
 */
import { defaultFilters, NODE_KINDS, sameFilters, type FilterState } from '../filters';
import type { NodeKind } from '../graphFile';

/** Which graph the map shows: the full knowledge graph, or authors linked by joint papers. */
export type Network = 'knowledge' | 'coauthor';
/** What node colours mean: research community, or publication year (mean year for non-papers). */
export type ColorBy = 'community' | 'year';

export interface ViewState {
  /** Key of the selected node. */
  selected: string | null;
  filters: FilterState;
  network: Network;
  colorBy: ColorBy;
}

export function defaultViewState(): ViewState {
  return { selected: null, filters: defaultFilters(), network: 'knowledge', colorBy: 'community' };
}

const NODE_KEY = /^(paper|author|category|affiliation|topic):./s;
const YEAR = /^\d{1,6}$/;
const ALL_KINDS = new Set<string>(NODE_KINDS);

/** A list value: items percent-encoded, so a `,` inside an item cannot split it. */
const encodeList = (items: readonly string[]) => items.map(encodeURIComponent).join(',');

export function encodeViewState(state: ViewState): string {
  const { selected, filters } = state;
  const defaults = defaultFilters();
  const params: string[] = [];
  if (selected !== null) params.push(`node=${encodeURIComponent(selected)}`);
  if (state.network === 'coauthor') params.push('view=coauthor');
  if (state.colorBy === 'year') params.push('color=year');
  if (!sameFilters({ ...defaults, kinds: filters.kinds }, defaults)) params.push(`kinds=${encodeList(filters.kinds)}`);
  if (filters.categories !== null) params.push(`cat=${encodeList(filters.categories)}`);
  if (filters.years !== null) {
    const [from, to] = filters.years;
    params.push(`years=${from === to ? from : `${from}-${to}`}`);
  }
  if (filters.community !== null) params.push(`community=${filters.community}`);
  return params.length > 0 ? `#${params.join('&')}` : '';
}

/** `undefined` for a malformed percent-escape, so the parameter is skipped rather than thrown on. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Items that decode, deduplicated; `undefined` when every item is garbled (`cat=` alone is a real, empty list). */
function decodeList(value: string): string[] | undefined {
  const raw = value.split(',').filter((i) => i !== '');
  const items = raw.map(decode).filter((i): i is string => i !== undefined && i !== '');
  return items.length === 0 && raw.length > 0 ? undefined : [...new Set(items)];
}

function decodeKinds(value: string): NodeKind[] | undefined {
  const items = decodeList(value);
  if (items === undefined) return undefined;
  const kinds = items.filter((k) => ALL_KINDS.has(k)) as NodeKind[];
  // Only garbage (`kinds=foo`): ignore it rather than hide everything.
  return kinds.length === 0 && items.length > 0 ? undefined : kinds;
}

function decodeYears(value: string): [number, number] | undefined {
  const parts = value.split('-');
  if (parts.length > 2 || !parts.every((p) => YEAR.test(p))) return undefined;
  const [from, to] = parts.map(Number);
  const end = to ?? from;
  return from <= end ? [from, end] : [end, from];
}

export function decodeViewState(hash: string): ViewState {
  const state = defaultViewState();
  const seen = new Set<string>();
  const query = hash.replace(/^#/, '').replace(/^[/?]/, '');
  for (const param of query.split('&')) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const name = param.slice(0, eq);
    const value = param.slice(eq + 1);
    // First occurrence wins; a later duplicate is ignored like any other noise.
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === 'node') {
      const key = decode(value);
      if (key !== undefined && NODE_KEY.test(key)) state.selected = key;
    } else if (name === 'kinds') {
      state.filters.kinds = decodeKinds(value) ?? state.filters.kinds;
    } else if (name === 'cat') {
      state.filters.categories = decodeList(value) ?? null;
    } else if (name === 'years') {
      state.filters.years = decodeYears(value) ?? null;
    } else if (name === 'community') {
      if (/^\d{1,9}$/.test(value)) state.filters.community = Number(value);
    } else if (name === 'view') {
      if (value === 'coauthor' || value === 'knowledge') state.network = value;
    } else if (name === 'color') {
      if (value === 'year' || value === 'community') state.colorBy = value;
    }
  }
  return state;
}

export function sameViewState(a: ViewState, b: ViewState): boolean {
  return a.selected === b.selected && a.network === b.network && a.colorBy === b.colorBy && sameFilters(a.filters, b.filters);
}
