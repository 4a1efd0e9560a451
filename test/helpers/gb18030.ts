/**
 * GB18030 (GBK) bytes for a string, for fixtures. Node and browsers decode
 * GB18030 but have no encoder, so the table is built from the decoder itself.
 */
let table: Map<string, number[]> | null = null;

function encodingTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGb18030(text: string): Uint8Array {
  const map = encodingTable();
  return new Uint8Array(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`No two-byte GB18030 code for ${ch}`);
      return bytes;
    }),
  );
}
