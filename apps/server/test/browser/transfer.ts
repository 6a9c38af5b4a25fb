// Bytes a page pulls over the wire, as Chromium counts them (encoded: after compression, headers
// included), for the console's weight budget. Counted from the DevTools protocol's loadingFinished.
import type { Page } from 'playwright-core';

export interface TransferMeter {
  /** Bytes finished since the meter started or was last reset, and the requests counted. */
  read(): { bytes: number; requests: number; byType: Record<string, number> };
  reset(): void;
}

export async function meterTransfer(page: Page): Promise<TransferMeter> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // The browser cache would hide bytes on the second screen; the budget is about a first visit.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  let bytes = 0;
  let requests = 0;
  let byType: Record<string, number> = {};
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
    const type = types.get(e.requestId) ?? 'Other';
    byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
  });
  return {
    read: () => ({ bytes, requests, byType: { ...byType } }),
    reset: () => {
      bytes = 0;
      requests = 0;
      byType = {};
    },
  };
}
