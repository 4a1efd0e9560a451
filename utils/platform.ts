/**
 * The one place where Chrome and Firefox differences are decided. WXT sets
 * import.meta.env.FIREFOX at build time, so each build keeps only its own path.
 */
export const isFirefox: boolean = import.meta.env.FIREFOX;
