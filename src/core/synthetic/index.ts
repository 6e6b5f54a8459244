/**
 * A seeded generator of realistic paper corpora for benchmarks and scale tests: topical communities of
 * Zipf-distributed sizes, each with its own authors, vocabulary and arXiv category; authors per paper
 * and papers per author heavy-tailed (power law; preferential attachment à la Simon); publication
 * years growing over time; abstracts drawn from the topic's vocabulary; citations to earlier papers.
 * Pure: same options → same corpus, record for record.
 */
import { createRng } from '../communities/rng';
import { withoutExtras, type PaperRecord } from '../ingest/types';
import { discrete, powerLaw, syllables, zipf } from './distributions';
import type { SyntheticCorpus, SyntheticOptions } from './types';
import { CATEGORY_CODES, GENERAL_WORDS, topicWords } from './vocabulary';

export type { SyntheticCorpus, SyntheticOptions } from './types';
export { GENERAL_WORDS, topicWords } from './vocabulary';

export const DEFAULT_SYNTHETIC_SEED = 1;
const WORDS_PER_TOPIC = 120;
const FIRST_YEAR = 1995;
const LAST_YEAR = 2024;
/** A new name takes an author slot with this probability; otherwise a topic regular, by papers so far. */
const NEW_AUTHOR = 0.45;
const FIRST_NAMES = 'Ana Ben Chen Dana Eli Fatima Goran Hana Ivan Jia Kofi Lena Mina Noor Omar Priya Quinn Rosa Sven Tariq Uma Vera Wei Xin Yuki Zara'.split(' ');
const INSTITUTION_KINDS = ['University of', 'Institute of', 'Polytechnic of', 'Laboratory of'];

function defaultTopics(papers: number): number {
  return Math.max(4, Math.round(1.5 * Math.sqrt(papers)));
}

/** A unique, stable name for author number `n`: a first name and a made-up surname. */
function authorName(n: number): string {
  const surname = syllables(Math.floor(n / FIRST_NAMES.length), 4);
  return `${FIRST_NAMES[n % FIRST_NAMES.length]} ${surname[0].toUpperCase()}${surname.slice(1)}`;
}

function institutionName(n: number): string {
  const place = syllables(Math.floor(n / INSTITUTION_KINDS.length), 3);
  return `${INSTITUTION_KINDS[n % INSTITUTION_KINDS.length]} ${place[0].toUpperCase()}${place.slice(1)}`;
}

export function generateCorpus(options: SyntheticOptions): SyntheticCorpus {
  const { papers: count, seed = DEFAULT_SYNTHETIC_SEED, crossTopic = 0.1, meanReferences = 3 } = options;
  const [minWords, maxWords] = options.abstractWords ?? [60, 160];
  const topicCount = options.topics ?? defaultTopics(count);
  const rng = createRng(seed);
  const file = `synthetic-${count}-seed${seed}`;

  const drawTopic = zipf(topicCount, 0.8);
  // Solo papers common, teams of 2–3 the mode, a power-law tail (exponent 3) of big collaborations up to 200.
  const drawAuthorCount = discrete(Float64Array.from({ length: 201 }, (_, k) => (k === 0 ? 0 : k === 1 ? 0.15 : k ** -3)));
  const drawReferenceCount = powerLaw(1, 60, 2);
  const drawTopicWord = zipf(WORDS_PER_TOPIC, 1);
  const drawGeneralWord = zipf(GENERAL_WORDS.length, 0.7);
  const drawInstitution = zipf(Math.max(10, Math.round(count / 40)), 1);
  const drawYear = discrete(Float64Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => 1.12 ** i));
  const topicCategory = Int32Array.from({ length: topicCount }, () => Math.floor(rng() * CATEGORY_CODES.length));
  const vocabularies = Array.from({ length: topicCount }, (_, t) => topicWords(t, WORDS_PER_TOPIC));
  // Per topic: one entry per author slot filled so far, so a uniform pick is a pick by paper count.
  const authorSlots: number[][] = Array.from({ length: topicCount }, () => []);
  const institutionOf: number[] = [];
  // Per topic: every paper once plus once per citation received, for preferential citing.
  const citable: number[][] = Array.from({ length: topicCount }, () => []);

  // Dates first, sorted, so paper i is never older than paper i-1 and cites only earlier work.
  const dates = Array.from({ length: count }, () => {
    const year = FIRST_YEAR + drawYear(rng);
    return `${year}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
  }).sort();
  const perMonth = new Map<string, number>();
  const otherTopic = (topic: number) => {
    const other = drawTopic(rng);
    return other === topic ? (topic + 1) % topicCount : other;
  };
  const word = (topic: number) =>
    rng() < 0.35 ? GENERAL_WORDS[drawGeneralWord(rng)] : vocabularies[rng() < crossTopic ? otherTopic(topic) : topic][drawTopicWord(rng)];

  const titles = new Set<string>();
  const topicOf = new Int32Array(count);
  const records: PaperRecord[] = [];
  for (let i = 0; i < count; i++) {
    const topic = drawTopic(rng);
    topicOf[i] = topic;

    const authorIds: number[] = [];
    const slots = drawAuthorCount(rng);
    for (let s = 0; s < slots; s++) {
      const from = rng() < crossTopic ? otherTopic(topic) : topic;
      const pool = authorSlots[from];
      let author: number;
      if (pool.length === 0 || rng() < NEW_AUTHOR) {
        author = institutionOf.length;
        institutionOf.push(drawInstitution(rng));
      } else author = pool[Math.floor(rng() * pool.length)];
      if (authorIds.includes(author)) continue;
      authorIds.push(author);
      pool.push(author);
    }

    let title: string;
    do {
      const length = 5 + Math.floor(rng() * 7);
      title = Array.from({ length }, (_, w) => (w % 3 === 1 ? GENERAL_WORDS[drawGeneralWord(rng)] : vocabularies[topic][drawTopicWord(rng)])).join(' ');
      title = title[0].toUpperCase() + title.slice(1);
    } while (titles.has(title));
    titles.add(title);

    const words = minWords + Math.floor(rng() * (maxWords - minWords + 1));
    const abstract = Array.from({ length: words }, (_, w) => word(topic) + (w % 12 === 11 || w === words - 1 ? '.' : '')).join(' ');

    const date = dates[i];
    const month = `${date.slice(2, 4)}${date.slice(5, 7)}`;
    const sequence = (perMonth.get(month) ?? 0) + 1;
    perMonth.set(month, sequence);
    const references: string[] = [];
    const citing = rng() < meanReferences / 3 ? Math.min(drawReferenceCount(rng), i) : 0;
    for (let r = 0; r < citing; r++) {
      const pool = citable[rng() < 0.8 ? topic : otherTopic(topic)];
      if (pool.length === 0) continue;
      const cited = pool[Math.floor(rng() * pool.length)];
      const id = records[cited].arxivId!;
      if (references.includes(id)) continue;
      references.push(id);
      pool.push(cited);
    }
    citable[topic].push(i);

    const affiliated = rng() < 0.3;
    const authorAffiliations = affiliated ? authorIds.map((a) => [institutionName(institutionOf[a])]) : [];
    records.push({
      file, line: i + 1, title, authors: authorIds.map(authorName), authorsTruncated: false, date,
      category: CATEGORY_CODES[rng() < crossTopic ? topicCategory[otherTopic(topic)] : topicCategory[topic]],
      abstract, hasCode: rng() < 0.15,
      affiliations: [...new Set(authorAffiliations.flat())],
      ...withoutExtras(),
      authorAffiliations, arxivId: `${month}.${String(sequence).padStart(5, '0')}`, references,
    });
  }
  return { input: { file, format: 'synthetic', records: count, papers: records, rejected: [] }, topicOf, topicCount };
}
