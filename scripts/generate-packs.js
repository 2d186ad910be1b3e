// Refreshes the built-in packs (src/packs/builtin/*.yaml), which are the requirement catalog: a
// planned control that is now registered moves into `controls`; everything else stays as written,
// comments included. Run after building a control: `npm run generate:packs`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';

const { builtinControls } = await import('../dist/src/controls/index.js');
const registered = new Set(builtinControls.map((control) => control.meta.id));
const dir = 'src/packs/builtin';

for (const name of readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort()) {
  const file = path.join(dir, name);
  const document = parseDocument(readFileSync(file, 'utf8'));
  let moved = 0;
  const requirements = document.get('requirements');
  for (const requirement of isSeq(requirements) ? requirements.items : []) {
    if (!isMap(requirement)) continue;
    const planned = requirement.get('plannedControls');
    if (!isSeq(planned)) continue;
    const built = planned.items.map((item) => String(item.value ?? item)).filter((id) => registered.has(id));
    if (built.length === 0) continue;
    const controls = requirement.get('controls');
    const current = isSeq(controls) ? controls.items.map((item) => String(item.value ?? item)) : [];
    requirement.set('controls', document.createNode([...current, ...built.filter((id) => !current.includes(id))]));
    const left = planned.items.map((item) => String(item.value ?? item)).filter((id) => !registered.has(id));
    if (left.length > 0) requirement.set('plannedControls', document.createNode(left));
    else requirement.delete('plannedControls');
    moved += built.length;
  }
  if (moved > 0) writeFileSync(file, document.toString({ lineWidth: 0 }));
  console.log(`${file}: ${moved} planned control(s) now built`);
}
