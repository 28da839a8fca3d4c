// Releases per period as bars, drawn in SVG (no chart library: a few rectangles). The numbers are
// also given as a table for screen readers and for copying.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatMonth, plural, shortPeriod } from '../format';

export interface Point {
  period: string;
  count: number;
}

const HEIGHT = 200;
const LEFT = 28;
const BOTTOM = 22;
const TOP = 8;

function periodName(period: string) {
  return period.length === 7 ? formatMonth(period) : period;
}

/** A round step for the y axis: 1, 2, 5, 10, 20, … with at most four lines. */
function yStep(max: number): number {
  for (let magnitude = 1; ; magnitude *= 10) for (const base of [1, 2, 5]) if (max / (base * magnitude) <= 4) return base * magnitude;
}

export function TrendChart({ points, title }: { points: Point[]; title: string }) {
  // Drawn at the width it is shown at, so that its text keeps its size on a narrow screen.
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const el = figure.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(240, Math.round(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const max = Math.max(1, ...points.map((p) => p.count));
  const step = yStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = width - LEFT;
  const plotH = HEIGHT - BOTTOM - TOP;
  const slot = plotW / Math.max(points.length, 1);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const total = points.reduce((n, p) => n + p.count, 0);
  const busiest = points.reduce<Point | undefined>((b, p) => (!b || p.count > b.count ? p : b), undefined);
  // Every period is labelled when they fit; otherwise, for months, the first and each January.
  const manyMonths = points.length > Math.min(12, width / 40) && points[0]?.period.length === 7;
  const label = (p: Point, i: number): string | null => {
    if (!manyMonths) return shortPeriod(p.period);
    if (i === 0) return `${shortPeriod(p.period)} ${p.period.slice(0, 4)}`;
    return p.period.endsWith('-01') ? p.period.slice(0, 4) : null;
  };
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);

  return (
    <figure class="trend" ref={figure}>
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={`${title}: ${plural(total, 'release')} over ${plural(points.length, 'period')}${busiest ? `, most in ${periodName(busiest.period)} (${busiest.count})` : ''}.`}
      >
        {ticks.map((t) => (
          <g key={t} class="tick">
            <line x1={LEFT} x2={width} y1={y(t)} y2={y(t)} />
            <text x={LEFT - 6} y={y(t) + 4} text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = LEFT + i * slot;
          const h = (p.count / top) * plotH;
          return (
            <g key={p.period} class="bar">
              <rect x={x + slot * 0.15} width={Math.max(slot * 0.7, 1)} y={TOP + plotH - h} height={h}>
                <title>{`${periodName(p.period)}: ${plural(p.count, 'release')}`}</title>
              </rect>
              {label(p, i) && (
                <text x={manyMonths && i === 0 ? LEFT : x + slot / 2} y={HEIGHT - 6} text-anchor={manyMonths && i === 0 ? 'start' : 'middle'}>
                  {label(p, i)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details>
          <summary>The numbers</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Releases</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <td>{periodName(p.period)}</td>
                  <td>{p.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
