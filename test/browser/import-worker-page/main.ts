import { createImportClient } from '../../../src/worker/import-client';

/** A bare page around the import client, so the real module worker runs in Chromium. */
const client = createImportClient();

const api = {
  async parse(text: string, name: string) {
    const progress: number[] = [];
    const result = await client.parse({
      file: new File([text], name),
      onProgress: (f) => progress.push(f),
    });
    // Small summary: playwright need not serialise every coordinate.
    return {
      ok: result.ok,
      error: result.ok ? null : result.error,
      areas: result.ok ? result.value.areas.length : 0,
      firstName: result.ok ? (result.value.areas[0]?.name ?? null) : null,
      progress,
    };
  },
  async cancelled(text: string) {
    const running = client.parse({ file: new File([text], 'big.geojson') });
    setTimeout(() => client.cancel(), 5);
    try {
      await running;
      return 'finished';
    } catch (error) {
      return (error as Error).name;
    }
  },
};

(window as unknown as { importCheck: typeof api }).importCheck = api;
