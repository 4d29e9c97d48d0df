// Renders each model in bpmn/ to docs/images/<model>.svg with bpmn-js's viewer (the renderer
// Camunda Modeler and Cockpit use), in Debian's headless Chromium. Run: docs/diagrams/render
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const models = process.argv.slice(2).length ? process.argv.slice(2)
  : readdirSync(join(root, 'bpmn')).filter((f) => f.endsWith('.bpmn')).map((f) => f.replace(/\.bpmn$/, ''));
const viewer = join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const chromium = process.env.TTG_CHROMIUM || '/usr/bin/chromium';
const out = join(root, 'docs', 'images');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'ttg-diagrams-'));

for (const model of models) {
  const xml = readFileSync(join(root, 'bpmn', model + '.bpmn'), 'utf8');
  const page = join(work, model + '.html');
  writeFileSync(page, `<!DOCTYPE html><html><body><div id="canvas" style="width:2000px;height:1200px"></div>
<script src="file://${viewer}"></script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)})
    .then(() => viewer.saveSVG())
    .then(({ svg }) => { document.body.textContent = 'SVG-START' + svg + 'SVG-END'; })
    .catch((e) => { document.body.textContent = 'RENDER-FAILED ' + e.message; });
</script></body></html>`);
  const dom = execFileSync(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
    '--virtual-time-budget=15000', '--dump-dom', 'file://' + page], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'] });
  const start = dom.indexOf('SVG-START');
  const end = dom.indexOf('SVG-END');
  if (start < 0 || end < 0) {
    console.error(model + ': not rendered: ' + (dom.match(/RENDER-FAILED[^<]*/) || ['no output'])[0]);
    process.exitCode = 1;
    continue;
  }
  const svg = dom.substring(start + 'SVG-START'.length, end)
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  writeFileSync(join(out, model + '.svg'), svg);
  console.log('docs/images/' + model + '.svg');
}
