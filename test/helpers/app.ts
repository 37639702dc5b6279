// createApp on a document (the petstore by default), listening on 127.0.0.1:0: for the tests of single http modules.

import { resolveSettings, type Settings } from '../../src/config.js';
import { createApp, type AppOptions, type MockApp } from '../../src/http/app.js';
import { loadDocument } from '../../src/engine/document/load-document.js';
import { listen } from './listen.js';

export const PETSTORE = new URL('../fixtures/petstore.yaml', import.meta.url).pathname;

export interface StartedApp {
  url: string;
  mock: MockApp;
  close(): Promise<void>;
}

/** The app with strict response checks (unless the settings say otherwise) and no providers unless given. */
export async function startApp(
  options: Partial<Omit<AppOptions, 'documents' | 'settings'>> & { document?: string; settings?: Partial<Settings> } = {},
): Promise<StartedApp> {
  const { document = PETSTORE, settings, providers = [], ...rest } = options;
  const mock = await createApp({ ...rest, documents: [await loadDocument(document)], providers, settings: resolveSettings({ strict: true, ...settings }) });
  const server = await listen(mock.callback());
  return {
    url: server.url,
    mock,
    close: async () => {
      mock.close();
      await server.close();
    },
  };
}
