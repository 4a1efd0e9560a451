/**
 * Organisation libraries (issue 14): what an organisation's IT sets for Bixia
 * by enterprise policy — Chrome's managed storage (its schema:
 * public/managed_schema.json, once wired), Firefox's policies.json under
 * `3rdparty.Extensions.<Bixia's id>` — checked like an import before anything
 * of it is shown. Pure: utils/ reads `storage.managed` and hands the value
 * here.
 *
 * The policy:
 * - `organizationName`: shown beside the organisation's collections (required
 *   when there are libraries);
 * - `libraries`: Bixia library files (what 备份 or a collection's export
 *   writes), each as its JSON text (Chrome's policy schema has no way to say
 *   "any object"), or in Firefox's policies.json as the object itself;
 * - `builtinCollections`: built-in collection id → shown or not, the default a
 *   user can still change;
 * - `syncAllowed`: false turns sync off and hides its switch.
 *
 * A bad part is named and left out; the rest still applies, so one mistyped
 * library does not take the others away.
 */
import type { Collection } from '../library';
import { type LibraryCheckError, checkLibraryText, checkLibraryValue } from '../library-schema';

export const ORGANIZATION_NAME_MAX = 60;
/** Libraries in one policy at most. */
export const POLICY_LIBRARIES_MAX = 20;

export interface OrganizationPolicy {
  name: string;
  /** Read-only, each as its file holds it. */
  collections: Collection[];
  builtins: [string, boolean][];
  /** Undefined when the policy does not say. */
  syncAllowed?: boolean;
}

/** What is wrong with a part of the policy, for the options page to say in its language. */
export type PolicyProblem =
  | { where: 'policy'; problem: 'not-object' }
  | { where: 'organizationName'; problem: 'missing' | 'not-text' | 'too-long' }
  | { where: 'libraries'; problem: 'not-list' | 'too-many' }
  | { where: 'library'; index: number; problem: 'not-text-or-object'; error?: undefined }
  | { where: 'library'; index: number; problem: 'invalid'; error: LibraryCheckError }
  | { where: 'library'; index: number; problem: 'duplicate-id'; id: string }
  | { where: 'builtinCollections'; problem: 'not-object' }
  | { where: 'syncAllowed'; problem: 'not-boolean' };

export interface PolicyCheck {
  /** Null when the organisation sets nothing (no policy, or an empty one). */
  policy: OrganizationPolicy | null;
  problems: PolicyProblem[];
}

export function checkPolicy(raw: unknown): PolicyCheck {
  if (raw === undefined || raw === null) return { policy: null, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy: null, problems: [{ where: 'policy', problem: 'not-object' }] };
  const given = raw as Record<string, unknown>;
  if (Object.keys(given).length === 0) return { policy: null, problems: [] };
  const problems: PolicyProblem[] = [];

  const collections: Collection[] = [];
  const libraries = given.libraries;
  if (libraries !== undefined && !Array.isArray(libraries)) problems.push({ where: 'libraries', problem: 'not-list' });
  else if (Array.isArray(libraries)) {
    if (libraries.length > POLICY_LIBRARIES_MAX) problems.push({ where: 'libraries', problem: 'too-many' });
    const seen = new Set<string>();
    libraries.slice(0, POLICY_LIBRARIES_MAX).forEach((library, index) => {
      const check = typeof library === 'string' ? checkLibraryText(library) : library && typeof library === 'object' ? checkLibraryValue(library) : null;
      if (!check) return problems.push({ where: 'library', index, problem: 'not-text-or-object' });
      if (!check.ok) return problems.push({ where: 'library', index, problem: 'invalid', error: check.error });
      // Ids unique across the organisation's libraries: a clash leaves out the later library.
      const ids = check.document.collections.flatMap((collection) => [collection.id, ...collection.entries.map((entry) => entry.id)]);
      const clash = ids.find((id) => seen.has(id));
      if (clash) return problems.push({ where: 'library', index, problem: 'duplicate-id', id: clash });
      for (const id of ids) seen.add(id);
      for (const collection of check.document.collections) collections.push({ ...collection, readOnly: true });
    });
  }

  const name = given.organizationName;
  let organization = '';
  if (typeof name === 'string' && name.trim()) {
    if (Array.from(name.trim()).length > ORGANIZATION_NAME_MAX) problems.push({ where: 'organizationName', problem: 'too-long' });
    else organization = name.trim();
  } else if (name !== undefined) problems.push({ where: 'organizationName', problem: 'not-text' });
  else if (collections.length > 0) problems.push({ where: 'organizationName', problem: 'missing' });

  const builtins: [string, boolean][] = [];
  const shown = given.builtinCollections;
  if (shown !== undefined) {
    if (!shown || typeof shown !== 'object' || Array.isArray(shown)) problems.push({ where: 'builtinCollections', problem: 'not-object' });
    else for (const [id, on] of Object.entries(shown)) if (typeof on === 'boolean') builtins.push([id, on]);
  }

  let syncAllowed: boolean | undefined;
  if (typeof given.syncAllowed === 'boolean') syncAllowed = given.syncAllowed;
  else if (given.syncAllowed !== undefined) problems.push({ where: 'syncAllowed', problem: 'not-boolean' });

  // Libraries with no name to show them under are not shown: whose they are must be said.
  const policy: OrganizationPolicy = { name: organization, collections: organization ? collections : [], builtins, ...(syncAllowed !== undefined ? { syncAllowed } : {}) };
  return { policy, problems };
}
