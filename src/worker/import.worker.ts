/// <reference lib="webworker" />
import { expose } from 'comlink';
import { importApi } from './import-api';

expose(importApi);
