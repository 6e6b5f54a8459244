/** Words of synthetic abstracts: a shared academic vocabulary plus a made-up one per topic. */
import { syllables } from './distributions';

/** Words every field uses; drawn in every abstract, so topics must be told apart by the rest. */
export const GENERAL_WORDS = (
  'we propose method approach results show model data analysis problem paper present novel based using new ' +
  'performance framework study algorithm propose efficient evaluate experiments demonstrate existing ' +
  'significant improve compared general system learning structure process proposed technique large ' +
  'applications provide approach theory empirical bound optimal estimate robust scalable simple accuracy'
).split(' ');

/** Each topic's own words: distinct per topic (three syllables each, numbered topic by topic). */
export function topicWords(topic: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => syllables(topic * count + i, 3));
}

/** Categories a topic can sit in: arXiv codes, computer science heavy as the arXiv is. */
export const CATEGORY_CODES = [
  'cs.LG', 'cs.CV', 'cs.CL', 'cs.AI', 'cs.RO', 'cs.CR', 'cs.DS', 'cs.IT', 'cs.NI', 'cs.SE', 'cs.DC', 'cs.LO',
  'cs.PL', 'cs.HC', 'cs.IR', 'cs.SI', 'cs.GT', 'cs.CC', 'cs.DB', 'cs.NE', 'stat.ML', 'stat.ME', 'math.OC',
  'math.PR', 'math.CO', 'eess.SP', 'eess.IV', 'quant-ph', 'physics.soc-ph', 'q-bio.NC',
];
