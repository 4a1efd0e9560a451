/**
 * What kind of file a user's bytes are, told from their first bytes: the one
 * look that choosing a reader (core/report-file.ts), the Word reader's error
 * messages and the text decoder (core/decode.ts) all need. Pure and tiny, so
 * the text decoder can use it without loading the Word reader.
 */

export type Container =
  /** A zip package: a .docx, or some other zip. */
  | 'zip'
  | 'pdf'
  /** A password-protected Office document: Office keeps the encrypted package in an OLE file. */
  | 'ole-encrypted'
  /** A legacy Word document (.doc). */
  | 'ole-word'
  /** Some other OLE compound file (.xls, .ppt…). */
  | 'ole-other'
  /** An image or a compressed file: nothing a report is written in. */
  | 'binary';

/** The container `bytes` are in; null when they carry no known signature (they may be text). */
export function sniffContainer(bytes: Uint8Array): Container | null {
  if (isZip(bytes)) return 'zip';
  const ole = oleContainerKind(bytes);
  if (ole) return `ole-${ole}`;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'binary';
  return null;
}

const BINARY_SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x1f, 0x8b], // gzip
];

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What an OLE compound file (the container of .doc, .xls and of password
 * protected .docx) holds, from the names of its streams; null when `bytes`
 * is not an OLE file.
 */
export function oleContainerKind(bytes: Uint8Array): 'encrypted' | 'word' | 'other' | null {
  if (!startsWith(bytes, OLE_SIGNATURE)) return null;
  // Stream names are stored in UTF-16LE in the directory sectors. An encrypted
  // Office Open XML file keeps the package in "EncryptedPackage".
  if (includesUtf16le(bytes, 'EncryptedPackage')) return 'encrypted';
  if (includesUtf16le(bytes, 'WordDocument')) return 'word';
  return 'other';
}

export function isZip(bytes: Uint8Array): boolean {
  // A local file header, or the end record of an empty archive.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** True when the raw bytes name a part under word/, as a Word package's local headers do. */
export function mentionsWordParts(bytes: Uint8Array): boolean {
  return includesBytes(bytes, [...'word/'].map((ch) => ch.charCodeAt(0)));
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function includesBytes(bytes: Uint8Array, needle: number[]): boolean {
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function includesUtf16le(bytes: Uint8Array, ascii: string): boolean {
  return includesBytes(bytes, [...ascii].flatMap((ch) => [ch.charCodeAt(0), 0]));
}
