/**
 * Reading a zip's parts without trusting it: a part's size as the central
 * directory declares it is checked before anything is inflated, and the
 * inflating itself stops once the bytes pass what is allowed, since a
 * declared size can lie. A few hundred kilobytes of deflate can unpack to
 * gigabytes (a "zip bomb"); this keeps both the time and the memory bounded.
 */
import type JSZip from 'jszip';
import { DocxError } from './error';

export interface UnpackLimits {
  /** Bytes one part may unpack to. */
  partBytes: number;
  /** Bytes all the parts read may unpack to together. */
  totalBytes: number;
}

/**
 * What a Word document's text and markup may unpack to. The document part of
 * a report at the 2 MB text limit, with Word's or WPS's markup around every
 * run, stays well under the part limit; images are never unpacked.
 */
export const DOCX_UNPACK_LIMITS: UnpackLimits = { partBytes: 32 * 1024 * 1024, totalBytes: 64 * 1024 * 1024 };

/**
 * What an entry JSZip 3 loaded has beyond its typings: the chunked stream its
 * documentation describes (ZipObject#internalStream), and the record it read
 * from the central directory.
 */
interface LoadedEntry {
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
  _data?: { uncompressedSize?: unknown };
}

/**
 * The size a part declares in the zip's central directory; undefined when
 * the entry does not say, and then only the bounded inflating guards it.
 */
function declaredSize(file: JSZip.JSZipObject): number | undefined {
  const size = (file as unknown as LoadedEntry)._data?.uncompressedSize;
  return typeof size === 'number' && size >= 0 ? size : undefined;
}

function tooLarge(path: string, what: string): DocxError {
  return new DocxError('too-large', `The part ${path} ${what}`);
}

/**
 * The parts at `paths`, each unpacked and decoded as UTF-8, in that order.
 * Throws DocxError 'too-large' as soon as a declared size or the bytes
 * actually unpacked pass `limits`, and 'corrupt' when a part cannot be inflated.
 */
export async function readPartsBounded(zip: JSZip, paths: readonly string[], limits: UnpackLimits): Promise<Map<string, string>> {
  const files = paths.map((path) => ({ path, file: zip.file(path) })).filter((f): f is { path: string; file: JSZip.JSZipObject } => f.file !== null);
  let declaredTotal = 0;
  for (const { path, file } of files) {
    const size = declaredSize(file) ?? 0;
    if (size > limits.partBytes) throw tooLarge(path, `declares ${size} bytes unpacked`);
    declaredTotal += size;
    if (declaredTotal > limits.totalBytes) throw tooLarge(path, `brings the declared total to ${declaredTotal} bytes`);
  }
  const decoder = new TextDecoder('utf-8');
  const parts = new Map<string, string>();
  let left = limits.totalBytes;
  for (const { path, file } of files) {
    const bytes = await inflateBounded(file, path, Math.min(limits.partBytes, left));
    left -= bytes.length;
    parts.set(path, decoder.decode(bytes));
  }
  return parts;
}

/**
 * A part's bytes, inflated chunk by chunk; stops and throws once more than
 * `budget` bytes have come out. JSZip inflates 16 KB of input at a time and
 * hands its output over in small chunks, so at most one input block's output
 * is made past the budget, and none of it is kept.
 */
function inflateBounded(file: JSZip.JSZipObject, path: string, budget: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (file as unknown as LoadedEntry).internalStream('uint8array');
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    stream
      .on('data', (chunk) => {
        if (settled) return;
        size += chunk.length;
        if (size > budget) {
          stream.pause();
          chunks.length = 0;
          settle(() => reject(tooLarge(path, `unpacks to more than ${budget} bytes`)));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (cause: Error) => settle(() => reject(new DocxError('corrupt', `The part ${path} is damaged`, { cause }))))
      .on('end', () => settle(() => resolve(concat(chunks, size))))
      .resume();
  });
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
