import { useMemo } from 'react';
import { IntervalChart } from './IntervalChart';
import {
  doseSeries,
  formatNumber,
  formatRate,
  formatWithInterval,
  histogramSeries,
  type MeasureFormat,
  type Outcome,
  protectionText,
  responderSeries,
  shownText,
  suppressedText,
  timeCourseSeries,
} from './outcome-charts';

/** The cohort's figures in words, then its charts (each with a table). */
export default function OutcomeResults({ outcome, measure }: { outcome: Outcome; measure: MeasureFormat }) {
  const { overall, withinSession, doseResponse, minCellSize } = outcome;
  const d = measure.decimals;
  // Changes and means carry one more decimal than single values: averages are finer than the scale.
  const fmt = (value: number) => formatNumber(value, d + 1);
  const hidden = suppressedText(minCellSize);
  const unit = measure.unitLabel ? ` (${measure.unitLabel})` : '';
  const betterWhen = outcome.direction > 0 ? 'higher is better' : 'lower is better';
  const slope = doseResponse.minutesSlope;

  const visits = useMemo(() => timeCourseSeries(outcome.visits), [outcome.visits]);
  const histogram = useMemo(() => histogramSeries(outcome.histogram, measure), [outcome.histogram, measure]);
  const doseCharts = useMemo(
    () => [
      {
        title: 'Change by total treatment minutes',
        xTitle: 'Total hands-on minutes',
        series: doseSeries(overall, doseResponse.totalMinutes),
      },
      { title: 'Change by visits per week', xTitle: 'Attended visits per week', series: doseSeries(overall, doseResponse.sessionsPerWeek) },
      {
        title: 'Change by main modality',
        xTitle: 'Main modality (most hands-on minutes)',
        series: doseSeries(overall, doseResponse.mainModality),
      },
    ],
    [overall, doseResponse],
  );
  const responders = useMemo(() => responderSeries(overall, doseResponse.totalMinutes), [overall, doseResponse.totalMinutes]);

  const changeSummary = `Mean change of the measure${unit} with its 95% interval; ${betterWhen}.`;

  return (
    <div className="outcome-results">
      <p className="hint" data-testid="protection-note">
        {protectionText(minCellSize)}
      </p>
      <section className="panel" aria-labelledby="overall-heading">
        <h3 id="overall-heading">Whole cohort</h3>
        {overall.suppressed ? (
          <p className="suppressed-cell">The whole cohort is {hidden}: choose a broader cohort.</p>
        ) : (
          <dl className="facts">
            <dt>Clients</dt>
            <dd>{overall.n}</dd>
            <dt>Baseline</dt>
            <dd>
              mean {overall.baselineMean === null ? 'not available' : fmt(overall.baselineMean)}
              {overall.baselineSd !== null && `, SD ${fmt(overall.baselineSd)}`}
              {unit}
            </dd>
            <dt>Mean change</dt>
            <dd>
              {formatWithInterval(overall.meanChange, overall.meanChangeCiLow, overall.meanChangeCiHigh, d + 1)}
              {unit}; {betterWhen}
            </dd>
            <dt>Effect size</dt>
            <dd>{overall.effectSize === null ? 'not available' : formatNumber(overall.effectSize, 2)} (mean change / baseline SD)</dd>
            <dt>Standardized response mean</dt>
            <dd>
              {overall.standardizedResponseMean === null ? 'not available' : formatNumber(overall.standardizedResponseMean, 2)} (mean change
              / SD of change)
            </dd>
            <dt>Responders</dt>
            <dd>
              {outcome.mcid === null
                ? 'no published MCID for this measure'
                : overall.responderRate === null
                  ? hidden
                  : `${formatRate(overall.responderRate, overall.responderRateCiLow, overall.responderRateCiHigh)} changed by at least the MCID (${formatNumber(outcome.mcid, d)})`}
            </dd>
            <dt>Within a session</dt>
            <dd>
              {withinSession.suppressed
                ? hidden
                : `${formatWithInterval(withinSession.mean, withinSession.ciLow, withinSession.ciHigh, d + 1)} from before to after (mean of ${withinSession.n} clients)`}
            </dd>
            <dt>Change per hour of treatment</dt>
            <dd>
              {slope.suppressed || slope.slopePerMinute === null
                ? hidden
                : `${formatWithInterval(slope.slopePerMinute * 60, slope.ciLow === null ? null : slope.ciLow * 60, slope.ciHigh === null ? null : slope.ciHigh * 60, d + 2)} (slope of change on total minutes, ${slope.n} clients)`}
            </dd>
          </dl>
        )}
      </section>

      <IntervalChart
        kind="line"
        title={`Time course: mean ${measure.name} by visit`}
        summary={`Mean value${unit} at each attended visit with its 95% interval; ${shownText(visits, 'visit', minCellSize)}.`}
        series={visits}
        xTitle="Visit number"
        yTitle={`Mean ${measure.name}${unit}`}
        valueHeading="Mean"
        format={fmt}
        minCellSize={minCellSize}
      />
      {doseCharts.map((dose) => (
        <IntervalChart
          key={dose.title}
          kind="bar"
          title={dose.title}
          summary={changeSummary}
          series={dose.series}
          xTitle={dose.xTitle}
          yTitle={`Mean change${unit}`}
          valueHeading="Mean change"
          format={fmt}
          minCellSize={minCellSize}
        />
      ))}
      {outcome.mcid !== null && (
        <IntervalChart
          kind="bar"
          title="Responder rate by total treatment minutes"
          summary={`Share of clients who changed by at least the MCID (${formatNumber(outcome.mcid, d)}${unit}), with Wilson 95% intervals.`}
          series={responders}
          xTitle="Total hands-on minutes"
          yTitle="Responders (%)"
          valueHeading="Responders (%)"
          format={(value) => `${Math.round(value)}%`}
          minCellSize={minCellSize}
        />
      )}
      <IntervalChart
        kind="bar"
        title="Distribution of change"
        summary={`Clients by their change${unit}; ${shownText(histogram, 'bin', minCellSize)}.`}
        series={histogram}
        xTitle={`Change${unit}`}
        yTitle="Clients"
        valueHeading="Clients"
        format={(value) => String(value)}
        minCellSize={minCellSize}
        showCounts={false}
      />
    </div>
  );
}
