import { afterEach, expect, test } from 'vitest';
import {
  DEFAULT_SERVICE_URLS,
  pdokWmtsTemplate,
  resetServiceUrls,
  serviceUrls,
  setServiceUrls,
} from './services';

afterEach(() => resetServiceUrls());

test('the defaults are the service URLs of DESIGN.md section 4', () => {
  expect(pdokWmtsTemplate()).toBe(
    'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  );
  expect(serviceUrls().locatieserver).toBe('https://api.pdok.nl/bzk/locatieserver/search/v3_1');
  for (const url of Object.values(DEFAULT_SERVICE_URLS)) expect(url).toMatch(/^https:\/\//);
});

test('an override points one service at a local server and keeps the others', () => {
  setServiceUrls({ pdokBasemapWmts: 'http://127.0.0.1:9/wmts/{layer}/{z}/{x}/{y}.png' });
  expect(pdokWmtsTemplate('grijs')).toBe('http://127.0.0.1:9/wmts/grijs/{z}/{x}/{y}.png');
  expect(serviceUrls().bgt).toBe(DEFAULT_SERVICE_URLS.bgt);
  resetServiceUrls();
  expect(serviceUrls()).toEqual(DEFAULT_SERVICE_URLS);
});
