// Writes ../wwwroot/world.json: country outlines as SVG path data in an equirectangular projection
// (x = (lon + 180) * 1000 / 360, y = (90 - lat) * 500 / 180, one decimal), from the world-atlas
// npm package (ISC; Natural Earth 1:110m, public domain). Run from this folder:
//   npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz && node make-world.mjs package/countries-110m.json
import { readFileSync, writeFileSync } from 'node:fs';

const topo = JSON.parse(readFileSync(process.argv[2] ?? 'package/countries-110m.json', 'utf8'));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;

// Delta-decode the quantized arcs into lon/lat points.
const arcs = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
});

const px = lon => ((lon + 180) * 1000 / 360).toFixed(1);
const py = lat => ((90 - lat) * 500 / 180).toFixed(1);

function ring(indices) {
  const points = [];
  for (const i of indices) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    // Consecutive arcs share their joining point.
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  // A jump across the antimeridian starts a new subpath, so no line is drawn across the map.
  let d = '', last = '', prevLon = null, broken = false;
  for (const [lon, lat] of points) {
    const p = px(lon) + ' ' + py(lat);
    const jump = prevLon !== null && Math.abs(lon - prevLon) > 180;
    broken ||= jump;
    if (p !== last) d += (!d || jump ? 'M' : 'L') + p;
    last = p;
    prevLon = lon;
  }
  return broken ? d : d + 'Z';
}

const countries = topo.objects.countries.geometries
  .filter(g => g.type === 'Polygon' || g.type === 'MultiPolygon')
  .map(g => {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    return { id: g.id ?? '', name: g.properties?.name ?? '', d: polygons.flatMap(p => p.map(ring)).join('') };
  });

const out = {
  source: 'world-atlas 2.0.2 countries-110m (ISC); Natural Earth 1:110m Admin 0 - Countries (public domain)',
  projection: 'equirectangular',
  width: 1000,
  height: 500,
  countries,
};
writeFileSync(new URL('../wwwroot/world.json', import.meta.url), JSON.stringify(out));
console.log(`${countries.length} countries`);
