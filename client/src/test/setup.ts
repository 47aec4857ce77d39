import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { scaledMs } from '../../../tests/support/machine';

// jsdom has no layout, so no ResizeObserver; chart.js only needs it to exist when `responsive`.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub;

// Testing Library cleans up by itself only when test globals are on; they are not here.
afterEach(() => {
  cleanup();
});

// findBy* and waitFor give up after 1 s by default; on a loaded machine (the suite runs beside the API tests'
// PostgreSQL) a chart page can take longer to render, and the first render of a test file also transforms the
// lazily loaded pages it opens. Waiting longer changes no assertion, only patience: 10 s times the machine factor.
configure({ asyncUtilTimeout: scaledMs(10_000) });
