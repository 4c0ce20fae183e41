import { afterEach, expect, test } from 'vitest';
import { mapStatus, noticeOnFailure } from './map-status';

afterEach(() => mapStatus.getState().setNotice(null));

test('a failed map task becomes an error notice with its code', async () => {
  await noticeOnFailure(Promise.reject(new Error('worker gone')), 'map.derivedFailed');
  expect(mapStatus.getState().notice).toEqual({ code: 'map.derivedFailed', tone: 'error' });
});

test('a task that succeeds leaves the notice alone', async () => {
  mapStatus.getState().setNotice({ code: 'map.basemapOffline', tone: 'error' });
  await noticeOnFailure(Promise.resolve(), 'map.derivedFailed');
  expect(mapStatus.getState().notice?.code).toBe('map.basemapOffline');
});
