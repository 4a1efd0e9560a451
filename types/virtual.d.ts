declare module 'virtual:bixia-builtin-library' {
  /** The model report's collection. */
  const collection: import('../core/library').Collection;
  export default collection;
  /** Every built-in collection, the model report's first, as the settings list them. */
  export const builtinInfo: import('../core/builtin-ids').BuiltinInfo[];
}

declare module 'virtual:bixia-builtin-extra' {
  /** The built-in collections after the model report's: the phrase library, the frameworks. */
  export const collections: import('../core/library').Collection[];
}

declare module 'virtual:bixia-builtin-pinyin' {
  /** Text → its pinyin readings (core/pinyin.ts), for every built-in collection's searched names. */
  const readings: Record<string, string>;
  export default readings;
}
