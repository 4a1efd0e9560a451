/**
 * The library document's format mark and version (docs/library-format.md). Kept
 * apart from core/library.ts so that checking a stored library, which every
 * page does, does not load the report parser with it.
 */
export const LIBRARY_FORMAT = 'bixia-library';
export const LIBRARY_FORMAT_VERSION = 1;
