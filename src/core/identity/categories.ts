/** arXiv category codes and their display names (arXiv's own taxonomy wording). */
const CATEGORY_NAMES: Record<string, string> = {
  'cs.AI': 'Artificial Intelligence', 'cs.AR': 'Hardware Architecture', 'cs.CC': 'Computational Complexity',
  'cs.CE': 'Computational Engineering, Finance, and Science', 'cs.CG': 'Computational Geometry',
  'cs.CL': 'Computation and Language', 'cs.CR': 'Cryptography and Security',
  'cs.CV': 'Computer Vision and Pattern Recognition', 'cs.CY': 'Computers and Society', 'cs.DB': 'Databases',
  'cs.DC': 'Distributed, Parallel, and Cluster Computing', 'cs.DL': 'Digital Libraries',
  'cs.DM': 'Discrete Mathematics', 'cs.DS': 'Data Structures and Algorithms', 'cs.ET': 'Emerging Technologies',
  'cs.FL': 'Formal Languages and Automata Theory', 'cs.GL': 'General Literature', 'cs.GR': 'Graphics',
  'cs.GT': 'Computer Science and Game Theory', 'cs.HC': 'Human-Computer Interaction',
  'cs.IR': 'Information Retrieval', 'cs.IT': 'Information Theory', 'cs.LG': 'Machine Learning',
  'cs.LO': 'Logic in Computer Science', 'cs.MA': 'Multiagent Systems', 'cs.MM': 'Multimedia',
  'cs.MS': 'Mathematical Software', 'cs.NA': 'Numerical Analysis', 'cs.NE': 'Neural and Evolutionary Computing',
  'cs.NI': 'Networking and Internet Architecture', 'cs.OH': 'Other Computer Science', 'cs.OS': 'Operating Systems',
  'cs.PF': 'Performance', 'cs.PL': 'Programming Languages', 'cs.RO': 'Robotics', 'cs.SC': 'Symbolic Computation',
  'cs.SD': 'Sound', 'cs.SE': 'Software Engineering', 'cs.SI': 'Social and Information Networks',
  'cs.SY': 'Systems and Control',
  'stat.AP': 'Applications (Statistics)', 'stat.CO': 'Computation (Statistics)', 'stat.ME': 'Methodology (Statistics)',
  'stat.ML': 'Machine Learning (Statistics)', 'stat.OT': 'Other Statistics', 'stat.TH': 'Statistics Theory',
  'eess.AS': 'Audio and Speech Processing', 'eess.IV': 'Image and Video Processing', 'eess.SP': 'Signal Processing',
  'eess.SY': 'Systems and Control (EESS)', 'econ.EM': 'Econometrics', 'econ.GN': 'General Economics',
  'econ.TH': 'Theoretical Economics', 'q-bio.BM': 'Biomolecules', 'q-bio.GN': 'Genomics',
  'q-bio.MN': 'Molecular Networks', 'q-bio.NC': 'Neurons and Cognition', 'q-bio.PE': 'Populations and Evolution',
  'q-bio.QM': 'Quantitative Methods', 'q-fin.CP': 'Computational Finance', 'q-fin.ST': 'Statistical Finance',
  'q-fin.TR': 'Trading and Market Microstructure', 'q-fin.RM': 'Risk Management',
  'math.CO': 'Combinatorics', 'math.IT': 'Information Theory (Mathematics)', 'math.OC': 'Optimization and Control',
  'math.PR': 'Probability', 'math.ST': 'Statistics Theory (Mathematics)', 'math.NA': 'Numerical Analysis (Mathematics)',
  'math.LO': 'Logic', 'math.AG': 'Algebraic Geometry', 'math.NT': 'Number Theory', 'math.DS': 'Dynamical Systems',
  'math.AP': 'Analysis of PDEs', 'math.MP': 'Mathematical Physics', 'math-ph': 'Mathematical Physics',
  'astro-ph.GA': 'Astrophysics of Galaxies', 'astro-ph.CO': 'Cosmology and Nongalactic Astrophysics',
  'astro-ph.EP': 'Earth and Planetary Astrophysics', 'astro-ph.HE': 'High Energy Astrophysical Phenomena',
  'astro-ph.IM': 'Instrumentation and Methods for Astrophysics', 'astro-ph.SR': 'Solar and Stellar Astrophysics',
  'astro-ph': 'Astrophysics', 'cond-mat.dis-nn': 'Disordered Systems and Neural Networks',
  'cond-mat.stat-mech': 'Statistical Mechanics', 'cond-mat.mtrl-sci': 'Materials Science',
  'cond-mat.str-el': 'Strongly Correlated Electrons', 'cond-mat.mes-hall': 'Mesoscale and Nanoscale Physics',
  'physics.soc-ph': 'Physics and Society', 'physics.data-an': 'Data Analysis, Statistics and Probability',
  'physics.comp-ph': 'Computational Physics', 'quant-ph': 'Quantum Physics', 'hep-th': 'High Energy Physics - Theory',
  'hep-ph': 'High Energy Physics - Phenomenology', 'hep-ex': 'High Energy Physics - Experiment',
  'hep-lat': 'High Energy Physics - Lattice', 'gr-qc': 'General Relativity and Quantum Cosmology',
  'nucl-th': 'Nuclear Theory', 'nucl-ex': 'Nuclear Experiment', 'nlin.AO': 'Adaptation and Self-Organizing Systems',
};

const ARCHIVE_NAMES: Record<string, string> = {
  cs: 'Computer Science', stat: 'Statistics', math: 'Mathematics', eess: 'Electrical Engineering and Systems Science',
  econ: 'Economics', 'q-bio': 'Quantitative Biology', 'q-fin': 'Quantitative Finance', physics: 'Physics',
  'astro-ph': 'Astrophysics', 'cond-mat': 'Condensed Matter', nlin: 'Nonlinear Sciences',
};

/** `cs.LG` → `Machine Learning`; an unlisted code keeps its archive: `math.GT` → `Mathematics (math.GT)`. */
export function categoryName(code: string): string {
  if (CATEGORY_NAMES[code]) return CATEGORY_NAMES[code];
  const archive = code.split('.')[0];
  return ARCHIVE_NAMES[archive] ? `${ARCHIVE_NAMES[archive]} (${code})` : code;
}
