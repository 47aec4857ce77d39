/*
 * The report as a PDF, with pdfkit: a maintained library that writes PDF directly in the server's
 * process (no browser to install or run in production), embeds and subsets TrueType fonts, and writes
 * tagged PDF (a structure tree of headings, paragraphs, tables and figures with alternative text, and a
 * document language) for screen readers. Key-value rows keep each label and its value on one line, so
 * the text reads back in order (tests extract it with pdftotext).
 */
import PDFDocument from 'pdfkit';
import { localDate } from '../care/care.service.js';
import type { ReportMeasureNode, SeriesReportNode } from './report.type.js';
import { chartSize, measureChartImage, reportFonts } from './report-chart.js';
import { formatNumber, formatShort, formatSigned, meanChangeDecimals, type PaperSize, slopeDecimals } from './report-format.js';

const margin = 50;
const footerHeight = 24;
const ink = '#111111';
const muted = '#555555';
const defaultLabelWidth = 150;
/** The label column of a measure's rows, narrower to leave room for its chart. */
const measureLabelWidth = 88;

type Struct = PDFKit.PDFStructureElement;

/** Where the next line goes, and the page's bottom; adds pages as content needs them. */
class Layout {
  y = margin;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly root: Struct,
  ) {}

  get width(): number {
    return this.doc.page.width - 2 * margin;
  }

  get bottom(): number {
    return this.doc.page.height - margin - footerHeight;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  room(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = margin;
  }

  text(
    text: string,
    options: { size?: number; bold?: boolean; color?: string; structType?: string; parent?: Struct; x?: number; width?: number } = {},
  ) {
    const { doc } = this;
    const x = options.x ?? margin;
    const width = options.width ?? this.width - (x - margin);
    doc
      .font(options.bold ? 'bold' : 'regular')
      .fontSize(options.size ?? 9.5)
      .fillColor(options.color ?? ink);
    const height = doc.heightOfString(text, { width });
    this.room(height);
    doc.text(text, x, this.y, { width, structParent: options.parent ?? this.root, structType: options.structType ?? 'P' });
    this.y += height;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = { 1: 17, 2: 12.5, 3: 10.5 }[level];
    this.y += level === 1 ? 0 : level === 2 ? 10 : 6;
    // Keeps a heading with at least a few lines of what follows.
    this.room(size + 40);
    this.text(text, { size, bold: true, structType: `H${level}` });
    if (level === 2) this.rule();
    this.y += 3;
  }

  rule(): void {
    const { doc } = this;
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(margin, this.y + 1)
      .lineTo(margin + this.width, this.y + 1)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.endMarkedContent();
    this.y += 3;
  }

  /** Label-value rows as a table (TR of TH and TD), the label in a fixed column. */
  rows(rows: readonly (readonly [string, string])[], width = this.width, labelWidth = defaultLabelWidth): void {
    const { doc } = this;
    const table = doc.struct('Table');
    this.root.add(table);
    for (const [label, value] of rows) {
      doc.font('regular').fontSize(9.5);
      const height = Math.max(
        doc.heightOfString(label, { width: labelWidth - 6 }),
        doc.heightOfString(value, { width: width - labelWidth }),
      );
      this.room(height + 2);
      const row = doc.struct('TR');
      table.add(row);
      doc.fillColor(muted).text(label, margin, this.y, { width: labelWidth - 6, structParent: row, structType: 'TH' });
      doc.fillColor(ink).text(value, margin + labelWidth, this.y, { width: width - labelWidth, structParent: row, structType: 'TD' });
      row.end();
      this.y += height + 2;
    }
    table.end();
  }

  bullets(items: readonly string[]): void {
    const list = this.doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      const entry = this.doc.struct('LI');
      list.add(entry);
      this.text(`• ${item}`, { parent: entry, structType: 'LBody', x: margin + 8 });
      entry.end();
    }
    list.end();
  }
}

const day = (report: SeriesReportNode, at: Date) => localDate(at, report.timeZone);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The label-value rows of one measure: every number is the progress API's, rounded as report-format.ts says. */
export function measureRows(report: SeriesReportNode, measure: ReportMeasureNode): [string, string][] {
  const p = measure.progress;
  const d = measure.decimals;
  const unit = measure.unitLabel ? ` ${measure.unitLabel}` : '';
  const rows: [string, string][] = [
    ['Baseline', `${formatNumber(p.baseline, d)}${unit} on ${day(report, p.baselineAt)}`],
    ['Latest', `${formatNumber(p.latest, d)}${unit} on ${day(report, p.latestAt)}`],
    ['Change', `${formatSigned(p.change, d)}${unit}${p.percentChange === null ? '' : ` (${formatSigned(p.percentChange, 0)}%)`}`],
    ['Threshold', measure.mcidInWords],
    [
      'Trend per week',
      p.slopePerWeek === null
        ? `none (${plural(p.trendPoints, 'value')})`
        : `${formatSigned(p.slopePerWeek, slopeDecimals)}${unit} (${plural(p.trendPoints, 'value')})`,
    ],
  ];
  if (p.meanSessionChange !== null || p.unpairedSessions > 0) {
    rows.push([
      'Within visits',
      p.meanSessionChange === null
        ? 'no visit with both'
        : `${formatSigned(p.meanSessionChange, meanChangeDecimals(d))}${unit} mean (${plural(p.sessionChanges.length, 'visit')})`,
    ]);
  }
  if (measure.baselineBand || measure.latestBand)
    rows.push(['Score band', `${measure.baselineBand ?? 'none'}, now ${measure.latestBand ?? 'none'}`]);
  return rows;
}

function measureBlock(layout: Layout, report: SeriesReportNode, measure: ReportMeasureNode, firstDay: Date): void {
  const png = measureChartImage(measure, firstDay);
  const rows = measureRows(report, measure);
  const tableWidth = png ? layout.width - chartSize.width - 10 : layout.width;
  // The heading, the rows and the chart stay together on one page.
  layout.room(Math.max(chartSize.height, rows.length * 26) + 40);
  layout.heading(measure.label, 3);
  const top = layout.y;
  layout.rows(rows, tableWidth, measureLabelWidth);
  if (png) {
    const { doc } = layout;
    const x = margin + layout.width - chartSize.width;
    const figure = doc.struct(
      'Figure',
      {
        alt: `Chart of ${measure.label}: ${measure.points.length} values from ${day(report, measure.progress.baselineAt)} to ${day(report, measure.progress.latestAt)}; the numbers are in the table beside it.`,
      },
      () => {
        doc.image(png, x, top, { width: chartSize.width, height: chartSize.height });
      },
    );
    layout.root.add(figure);
    doc.font('regular').fontSize(7).fillColor(muted);
    doc.text(chartLegend(measure), x, top + chartSize.height + 1, {
      width: chartSize.width,
      structParent: layout.root,
      structType: 'Caption',
    });
    layout.y = Math.max(layout.y, top + chartSize.height + 12);
  }
}

/** What the lines of a measure's chart are, in words (the chart itself has no legend). */
function chartLegend(measure: ReportMeasureNode): string {
  const contexts = new Set(measure.points.map((p) => p.context));
  return [
    contexts.has('PRE_SESSION') ? 'blue: before treatment' : null,
    contexts.has('POST_SESSION') ? 'orange dashed: after' : null,
    contexts.has('BETWEEN_SESSIONS') ? 'green: diary' : null,
    'grey dotted: baseline',
    measure.progress.mcid !== null ? `green dotted: ${measure.progress.thresholdKind ?? 'MCID'} from baseline` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

function referralRows(report: SeriesReportNode): [string, string][] {
  const r = report.referral;
  if (!r) return [['Referral', 'none recorded']];
  const who = [r.clinicianName, r.organisation].filter(Boolean).join(', ') || (r.source === 'SELF' ? 'self-referred' : 'not named');
  return [
    ['Referred by', `${who} (${r.source.toLowerCase()})`],
    ['Referred on', r.referredOn ?? 'not recorded'],
    ['Reason', r.reason ?? 'not recorded'],
  ];
}

/** Renders the report; resolves with the whole PDF (a few hundred kB at most). */
export function renderReportPdf(report: SeriesReportNode, paper: PaperSize): Promise<Buffer> {
  const title = `Progress report: ${report.clientName}, ${report.conditionName}`;
  const doc = new PDFDocument({
    size: paper === 'A4' ? 'A4' : 'LETTER',
    margin,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: title, Author: report.therapistName, Subject: `Treatment series ${report.seriesId}`, Creator: 'Fascia' },
  });
  // pdfkit takes a parsed fontkit font wherever it takes a font file (its type declarations do not say so).
  doc.registerFont('regular', reportFonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', reportFonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const layout = new Layout(doc, root);
  const a = report.progress.attendance;

  layout.heading('Progress report', 1);
  layout.text(`${report.clinicName}. Generated ${day(report, report.generatedAt)}.`, { color: muted });
  layout.text(
    report.audience === 'CLIENT'
      ? 'Your own copy, from the client portal.'
      : `For ${report.recipient}. Shared with the client's consent to report to their referrer.`,
    { color: muted },
  );

  layout.heading('Client and referral', 2);
  layout.rows([
    ['Client', report.clientName],
    ['Date of birth', report.clientDateOfBirth],
    ['Therapist', `${report.therapistName}${report.therapistRegistration ? `, registration ${report.therapistRegistration}` : ''}`],
    ['Condition', `${report.conditionName} (ICD-10 ${report.icd10})`],
    ...referralRows(report),
    ['Reported days', `${report.from} to ${report.to}${report.partial ? ' (part of the series)' : ''}`],
  ]);

  layout.heading('Plan and attendance', 2);
  layout.rows([
    [
      'Series',
      `started ${report.seriesStartDate}${report.seriesEndDate ? `, ended ${report.seriesEndDate}` : ''} (${report.seriesStatus.toLowerCase()})`,
    ],
    ['Goals', report.goals ?? 'not recorded'],
    [
      'Plan',
      `${plural(a.plannedSessions, 'session')}, ${formatShort(a.plannedPerWeek)} per week, ${report.plannedMinutesPerSession} minutes each`,
    ],
    ['Attended', `${a.attended} of ${a.plannedSessions} planned (${a.expectedByNow} expected by now)`],
    ['Cancelled', String(a.cancelled)],
    ['No-shows', String(a.noShows)],
    ['Weeks', `${formatShort(a.weeksElapsed)} weeks, ${formatNumber(a.attendedPerWeek, 2)} visits per week`],
  ]);

  layout.heading('Treatment given', 2);
  layout.rows([
    ['Hands-on minutes', String(report.progress.dose.totalMinutes)],
    ...report.doseByModality.map((d): [string, string] => [d.label, `${formatShort(d.minutes)} min, ${plural(d.sessions, 'visit')}`]),
  ]);
  if (report.doseByRegion.length > 0) {
    layout.text('By region', { bold: true });
    layout.rows(report.doseByRegion.map((d) => [d.label, `${formatShort(d.minutes)} min, ${plural(d.sessions, 'visit')}`]));
  }

  const firstDay = new Date(`${report.from}T00:00:00Z`);
  layout.heading('Outcomes', 2);
  layout.text(
    'Baseline is the first value in the reported days, latest the last; the MCID is the smallest change patients notice as important (cited in the measure catalog).',
    { color: muted, size: 8.5 },
  );
  if (report.measures.length === 0) layout.text('No values were taken at visits in the reported days.');
  for (const measure of report.measures) measureBlock(layout, report, measure, firstDay);
  if (report.diary.length > 0) {
    layout.heading("Client's diary between visits", 2);
    for (const measure of report.diary) measureBlock(layout, report, measure, firstDay);
  }

  layout.heading('What is missing', 2);
  if (report.missing.length === 0) layout.text('Nothing: every expected measure has values at the start and the end.');
  else layout.bullets(report.missing);

  layout.heading('Assessment and plan', 2);
  if (report.audience === 'CLIENT') {
    layout.text("The therapist's clinical notes are not part of your copy; ask your therapist for them.");
  } else if (report.assessment || report.plan) {
    layout.rows([
      report.summaryWrittenAt
        ? ['Written for this report', `${day(report, report.summaryWrittenAt)} by ${report.summaryWrittenBy}`]
        : ['From the visit of', report.notesVisitAt ? day(report, report.notesVisitAt) : ''],
      ['Assessment', report.assessment ?? 'not written'],
      ['Plan', report.plan ?? 'not written'],
    ]);
  } else {
    layout.text('No assessment or plan was written at the visits reported or for this report.');
  }

  layout.heading('Signature', 2);
  layout.room(60);
  layout.y += 26;
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .moveTo(margin, layout.y)
    .lineTo(margin + 220, layout.y)
    .lineWidth(0.5)
    .strokeColor(ink)
    .stroke();
  doc.endMarkedContent();
  layout.y += 4;
  layout.rows([
    ['Therapist', `${report.therapistName}${report.therapistRegistration ? `, registration ${report.therapistRegistration}` : ''}`],
    ['Date', day(report, report.generatedAt)],
  ]);
  root.end();

  // Every page's footer: whose report, and the page of how many (an artifact, not content).
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // The footer sits in the bottom margin: without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(muted)
      .text(
        `${report.clientName}, born ${report.clientDateOfBirth} · ${report.clinicName} · page ${i + 1} of ${pages.count}`,
        margin,
        doc.page.height - margin,
        {
          width: doc.page.width - 2 * margin,
          lineBreak: false,
        },
      );
    doc.endMarkedContent();
  }
  doc.end();
  return done;
}
