/**
 * A replica (core/sync/replica.ts) as items of the browser's sync storage,
 * whose quotas are small: about 100 KB in all, 8 KB an item, 512 items, and a
 * few writes a minute (Chrome's numbers; Firefox's are the same).
 *
 * The facts are spread over a fixed number of shards by a hash of their key,
 * so a change rewrites only its shard. A shard is canonical JSON, compressed
 * (deflate-raw) and written as base64 in chunks that fit an item: `s<i>.<n>`.
 * One more item, `root`, names each shard's chunk count and a hash of its
 * text; a reader that finds chunks that do not match it (another device is
 * half way through writing them) leaves that shard for the next change.
 */
import { fnv1a } from '../hash';
import { type Replica, type SyncRecord, canonicalJson } from './replica';

export const SYNC_LIMITS = { totalBytes: 102_400, itemBytes: 8_192, items: 512 } as const;
/** Shards: enough that one edit rewrites a few KB, few enough that their roots and chunk tails stay small. */
export const SHARDS = 16;
/** The format of `root`; a root of another version is not read (and not overwritten). */
export const PACK_VERSION = 1;

export interface SyncRoot {
  v: number;
  /** Per shard: its chunk count and the hash of its text; absent for an empty shard. */
  shards: Record<string, { n: number; h: string }>;
}

/** What a quota counts for one item: the key and the value's JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

async function squeeze(text: string, mode: 'compress' | 'decompress'): Promise<Uint8Array> {
  const input = mode === 'compress' ? new TextEncoder().encode(text) : base64Bytes(text);
  const stream = new Blob([input as BlobPart]).stream().pipeThrough(mode === 'compress' ? new CompressionStream('deflate-raw') : new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function bytesBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const shardOf = (key: string) => parseInt(fnv1a(key).slice(0, 6), 36) % SHARDS;
const chunkKey = (shard: number, n: number) => `s${shard}.${n}`;

/** The replica as sync items (root included), each within the per-item quota. */
export async function packReplica(replica: Replica): Promise<Record<string, unknown>> {
  const shards: Replica[] = Array.from({ length: SHARDS }, () => ({}));
  for (const key of Object.keys(replica).sort()) shards[shardOf(key)]![key] = replica[key]!;
  const items: Record<string, unknown> = {};
  const root: SyncRoot = { v: PACK_VERSION, shards: {} };
  for (const [i, shard] of shards.entries()) {
    if (Object.keys(shard).length === 0) continue;
    const text = canonicalJson(shard);
    const packed = bytesBase64(await squeeze(text, 'compress'));
    // Base64 is ASCII and needs no escaping: an item holds the key, two quotes and the chunk.
    const room = SYNC_LIMITS.itemBytes - chunkKey(i, 999).length - 2;
    const count = Math.max(1, Math.ceil(packed.length / room));
    for (let n = 0; n < count; n++) items[chunkKey(i, n)] = packed.slice(n * room, (n + 1) * room);
    root.shards[String(i)] = { n: count, h: fnv1a(text) };
  }
  items.root = root;
  return items;
}

/** The bytes the items take of the total quota, and how many items they are. */
export function packedSize(items: Record<string, unknown>): { bytes: number; items: number } {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return { bytes, items: Object.keys(items).length };
}

export function fitsQuota(items: Record<string, unknown>): boolean {
  const size = packedSize(items);
  return size.bytes <= SYNC_LIMITS.totalBytes && size.items <= SYNC_LIMITS.items;
}

export interface Unpacked {
  replica: Replica;
  /** Shards whose chunks did not match the root (a write under way elsewhere): read again at the next change. */
  unsettled: number[];
  /** The root was of a newer format than this code reads: nothing was read, and nothing may be written over it. */
  newer: boolean;
}

function isRecord(value: unknown): value is SyncRecord {
  const record = value as SyncRecord;
  return !!record && typeof record === 'object' && typeof record.at === 'number' && typeof record.by === 'string' && (record.gone === undefined || record.gone === true);
}

/** The replica the sync items hold; a shard that cannot be read is left out and named. */
export async function unpackItems(items: Record<string, unknown>): Promise<Unpacked> {
  const root = items.root as SyncRoot | undefined;
  if (!root || typeof root !== 'object' || typeof root.v !== 'number' || typeof root.shards !== 'object') return { replica: {}, unsettled: [], newer: false };
  if (root.v > PACK_VERSION) return { replica: {}, unsettled: [], newer: true };
  const replica: Replica = {};
  const unsettled: number[] = [];
  for (const [name, { n, h }] of Object.entries(root.shards)) {
    const shard = Number(name);
    try {
      const chunks = Array.from({ length: n }, (_, k) => items[chunkKey(shard, k)]);
      if (chunks.some((chunk) => typeof chunk !== 'string')) throw new Error('a chunk is missing');
      const text = new TextDecoder().decode(await squeeze(chunks.join(''), 'decompress'));
      if (fnv1a(text) !== h) throw new Error('the chunks are not the ones the root names');
      const facts = JSON.parse(text) as Record<string, unknown>;
      for (const [key, record] of Object.entries(facts)) if (isRecord(record)) replica[key] = record;
    } catch {
      unsettled.push(shard);
    }
  }
  return { replica, unsettled, newer: false };
}

/**
 * What to write to go from the items stored to `next`: only items that changed, and the keys
 * that went. The chunks in `set` go first, then `root`, then the removals: a device that reads
 * in between finds either the old root or chunks that match the new one.
 */
export function itemChanges(stored: Record<string, unknown>, next: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (canonicalJson(stored[key]) !== canonicalJson(value)) set[key] = value;
  const remove = Object.keys(stored).filter((key) => !(key in next) && (key === 'root' || /^s\d+\.\d+$/.test(key)));
  return { set, remove };
}

/** A part of what is synced, taken whole or not at all: the settings, the favourites, one collection. */
export interface SyncGroup {
  id: string;
  facts: Replica;
}

export interface SyncPlan {
  items: Record<string, unknown>;
  /** The groups that are synced, in the order they were asked for. */
  synced: string[];
  /** The groups that do not fit: they stay on this device (and in its backups). */
  left: string[];
  bytes: number;
}

/**
 * As much as fits the quota, in the order given (what matters most first): each group is
 * added whole if the whole still fits, or left out, and the next, smaller one may still fit.
 */
export async function planSync(groups: readonly SyncGroup[]): Promise<SyncPlan> {
  let replica: Replica = {};
  let items = await packReplica(replica);
  const synced: string[] = [];
  const left: string[] = [];
  for (const group of groups) {
    const trial = { ...replica, ...group.facts };
    const packed = await packReplica(trial);
    if (fitsQuota(packed)) {
      replica = trial;
      items = packed;
      synced.push(group.id);
    } else left.push(group.id);
  }
  return { items, synced, left, bytes: packedSize(items).bytes };
}
