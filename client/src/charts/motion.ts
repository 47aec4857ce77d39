/** Animate charts only for people who have not asked their system for less motion. */
export function prefersMotion(): boolean {
  return typeof window.matchMedia === 'function' && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
