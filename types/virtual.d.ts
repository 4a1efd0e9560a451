declare module 'virtual:bixia-builtin-library' {
  const collection: import('../core/library').Collection;
  export default collection;
}
