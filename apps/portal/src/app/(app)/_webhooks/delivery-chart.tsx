import { deliveryChart } from './chart';
import type { HourlyDeliveries } from './types';
import '../_sync/sync.css';
import './webhooks.css';

const W = 600;
const H = 170;
const LEFT = 34;
const RIGHT = 6;
const TOP = 10;
const BOTTOM = 22;
const PLOT_W = W - LEFT - RIGHT;
const PLOT_H = H - TOP - BOTTOM;

/** A nonzero count stays visible however busy the busiest hour was. */
const height = (n: number, max: number) => (n <= 0 ? 0 : Math.max(1.5, (n / max) * PLOT_H));

/**
 * Delivery attempts per hour over the last day, succeeded (green) under failed (red), as inline
 * SVG. The image has one summary label; the same numbers are in a table for screen readers.
 */
export function DeliveryChart({ stats, now, label, testId }: { stats: HourlyDeliveries[] | undefined; now?: number; label: string; testId?: string }) {
  const chart = deliveryChart(stats, now);
  const slot = PLOT_W / chart.bars.length;
  const barW = Math.max(2, slot * 0.7);
  const ticks = chart.max >= 2 && chart.max % 2 === 0 ? [0, chart.max / 2, chart.max] : [0, chart.max];
  const y = (v: number) => TOP + PLOT_H - (v / chart.max) * PLOT_H;

  return (
    <figure className="chart-figure" data-testid={testId} data-succeeded={chart.succeeded} data-failed={chart.failed}>
      <p className="chart-summary" data-testid={testId ? `${testId}-summary` : undefined}>
        {chart.summary}
      </p>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}. ${chart.summary}`} focusable="false">
        {ticks.map((t) => (
          <g key={t}>
            <line className={t === 0 ? 'chart-axis' : 'chart-grid'} x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} />
            <text className="chart-label" x={LEFT - 6} y={y(t) + 3} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {chart.bars.map((b, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2;
          const hs = height(b.succeeded, chart.max);
          const hf = height(b.failed, chart.max);
          const base = TOP + PLOT_H;
          return (
            <g key={b.hour} data-hour={b.hour} data-succeeded={b.succeeded} data-failed={b.failed}>
              <title>{b.title}</title>
              <rect className="chart-slot" x={LEFT + i * slot} y={TOP} width={slot} height={PLOT_H} />
              {hs > 0 ? <rect className="chart-succeeded" x={x} y={base - hs} width={barW} height={hs} rx={1.5} /> : null}
              {hf > 0 ? <rect className="chart-failed" x={x} y={base - hs - hf} width={barW} height={hf} rx={1.5} /> : null}
              {i % 6 === 0 || i === chart.bars.length - 1 ? (
                <text className="chart-label" x={LEFT + i * slot + slot / 2} y={H - 6} textAnchor="middle">
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="legend-swatch legend-succeeded" />
          Succeeded
        </li>
        <li>
          <span className="legend-swatch legend-failed" />
          Failed
        </li>
        <li className="muted">Hours in UTC</li>
      </ul>
      <table className="visually-hidden">
        <caption>{label}, per hour (UTC)</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Succeeded</th>
            <th scope="col">Failed</th>
          </tr>
        </thead>
        <tbody>
          {chart.bars.map((b) => (
            <tr key={b.hour}>
              <th scope="row">{b.range}</th>
              <td>{b.succeeded}</td>
              <td>{b.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
