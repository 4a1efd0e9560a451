import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
const cs = readFileSync('mech.js', 'utf8') + '\n' + readFileSync('ext-cs.js', 'utf8');
const base = { name: 'editors-lab', version: '1.0', content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'], all_frames: true, match_about_blank: true, run_at: 'document_start' }] };
for (const [dir, extra] of [
  ['ext-chrome', { manifest_version: 3, host_permissions: ['<all_urls>'] }],
  ['ext-firefox', { manifest_version: 3, host_permissions: ['<all_urls>'], browser_specific_settings: { gecko: { id: 'editors-lab@example.org', data_collection_permissions: { required: ['none'] } } } }],
]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/manifest.json`, JSON.stringify({ ...base, ...extra }, null, 1));
  writeFileSync(`${dir}/cs.js`, cs);
}
