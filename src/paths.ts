// Where the files shipped with authmock live (the same from src/ under tsx and from dist/ when built).

import { fileURLToPath } from 'node:url';

const root = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export const DEFAULT_DOCUMENT = root('openapi/authmock.yaml');
export const ADMIN_DOCUMENT = root('openapi/admin.yaml');
export const DEFAULT_FIXTURES = root('fixtures/default.yaml');
/** The shipped documents bundled and validated, and the shipped fixtures validated, by `npm run build` (scripts/prebuild.mjs). */
export const PREBUILT_DOCUMENTS = root('dist/documents');
export const PREBUILT_FIXTURES = root('dist/fixtures');
