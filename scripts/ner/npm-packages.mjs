// The pinned npm packages of the word-list scripts, installed once into .tools/ner-npm (git-ignored) or found under
// the folder given with --npm DIR. Installs are saved into that folder's own package.json, so one script's install
// keeps the packages of the others (with --no-save, npm removed every package an install did not name).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Installs what is missing of `packages` ({ name: version }); returns the folder of a package by name. */
export function npmPackages(repo, packages) {
  const argIndex = process.argv.indexOf('--npm');
  const npmDir = argIndex > 0 ? resolve(process.argv[argIndex + 1]) : join(repo, '.tools', 'ner-npm');
  const folder = (name) => join(npmDir, 'node_modules', name);
  const installed = ([name, version]) => {
    const manifest = join(folder(name), 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === version;
  };
  const missing = Object.entries(packages).filter((p) => !installed(p));
  if (missing.length > 0) {
    mkdirSync(npmDir, { recursive: true });
    execFileSync('npm', ['install', '--save-exact', '--no-audit', '--no-fund', '--prefix', npmDir, ...missing.map(([n, v]) => `${n}@${v}`)], { stdio: 'inherit' });
  }
  return folder;
}
