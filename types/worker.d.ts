/** A module imported with Vite's ?worker suffix: its constructor starts the module as a Worker of its own bundle. */
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
