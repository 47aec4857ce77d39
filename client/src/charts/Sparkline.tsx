/**
 * A word-sized line of values (Tufte's sparkline) in plain SVG: no chart.js, so
 * a list of many can show at once. The values are also in its label, so a
 * screen reader hears the numbers the eye sees.
 */

export interface SparklineScale {
  min: number;
  max: number;
  width: number;
  height: number;
  /** Room kept at the edges so end markers are whole. */
  pad: number;
}

/** x,y positions of the values, the first on the left; a higher value is drawn higher. */
export function sparklinePoints(values: readonly number[], scale: SparklineScale): { x: number; y: number }[] {
  const { min, max, width, height, pad } = scale;
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values.map((value, i) => ({
    x: round(values.length > 1 ? pad + i * step : width / 2),
    y: round(pad + (1 - (Math.min(max, Math.max(min, value)) - min) / span) * (height - 2 * pad)),
  }));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function Sparkline({ values, min, max, label }: { values: readonly number[]; min: number; max: number; label: string }) {
  const width = 96;
  const height = 28;
  const points = sparklinePoints(values, { min, max, width, height, pad: 3 });
  const last = points.at(-1);
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1="0" x2={width} y1={height - 1} y2={height - 1} className="sparkline-axis" />
      <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} className="sparkline-line" />
      {last && <circle cx={last.x} cy={last.y} r="2.5" className="sparkline-end" />}
    </svg>
  );
}
