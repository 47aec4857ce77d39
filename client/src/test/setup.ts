import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

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
