import { BaseClient, BaseResponse } from 'geotiff';
import { type BoundedResponse, fetchBounded } from './fetch';
import type { FetchLimits } from './limits';

class BoundedGeoTiffResponse extends BaseResponse {
  readonly #response: BoundedResponse;

  constructor(response: BoundedResponse) {
    super();
    this.#response = response;
  }

  override get status(): number {
    return this.#response.status;
  }

  override getHeader(name: string): string | undefined {
    return this.#response.headers.get(name) ?? undefined;
  }

  override getData(): Promise<ArrayBuffer> {
    return this.#response.arrayBuffer();
  }
}

/**
 * geotiff.js's HTTP client (for `fromCustomClient`) on top of `fetchBounded`: every range request
 * of a raster URL gets the timeouts, the minimum rate and the retries; the Range header and the
 * AbortSignal geotiff.js passes go through unchanged. Failures throw a FetchError, which reaches
 * the caller of `openRaster` or `readWindow` as is.
 */
export class BoundedGeoTiffClient extends BaseClient {
  readonly #limits: Partial<FetchLimits>;

  constructor(url: string, limits: Partial<FetchLimits> = {}) {
    super(url);
    this.#limits = limits;
  }

  override async request(options: RequestInit = {}): Promise<BaseResponse> {
    const headers: Record<string, string> = {};
    new Headers(options.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const response = await fetchBounded(this.url, {
      headers,
      signal: options.signal ?? undefined,
      limits: this.#limits,
    });
    // geotiff.js refuses a whole file answering a range request without reading it (allowFullFile
    // is off): let the connection go now rather than at the deadline.
    if (headers.range && response.status === 200) response.cancel();
    return new BoundedGeoTiffResponse(response);
  }
}
