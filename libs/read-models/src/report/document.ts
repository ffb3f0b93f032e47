import type { FactKind } from './facts';
import { FigureFilter, FigureRow, sumFigures, valuesOf } from './figures';
import { Language, LABELS } from './labels';
import { noticeWorkload, percentOf } from './indicators';
import { AGE_GROUPS } from './people';
import type { ReportData } from './report';

/** Who issues a report and under which number and date (the office's layout). */
export interface ReportHeading {
  readonly issuer: string;
  /** The document number, e.g. `15/BC-BCH`; blank dots when not given. */
  readonly number?: string;
  readonly place?: string;
  /** Local date of issue (ISO). */
  readonly issuedOn: string;
}

export interface ReportTable {
  /** What the table shows, when the section has more than one. */
  readonly caption?: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}
export interface ReportSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly ReportTable[];
}
/** A report laid out in one language: what the Markdown and PDF renderings print. */
export interface ReportDocument {
  readonly issuer: string;
  readonly number: string;
  readonly placeAndDate: string;
  readonly title: string;
  readonly subtitle: string;
  readonly recipient: string;
  readonly intro: readonly string[];
  readonly sections: readonly ReportSection[];
}

const percent = (done: number, due: number) => {
  const share = percentOf(done, due);
  return share === null ? '-' : `${share}%`;
};

/** Lays out a report in `language`: numbered sections of sentences and tables. */
export function composeReport(data: ReportData, heading: ReportHeading, language: Language): ReportDocument {
  const t = LABELS[language];
  const rows = data.figures;
  const p = data.period;
  const [y, m, d] = heading.issuedOn.split('-');
  const periodName =
    p.kind === 'range' ? `${t.day(p.firstDay)} – ${t.day(p.lastDay)}` : `${t.periodNames[p.kind]} ${p.label}`;
  return {
    issuer: heading.issuer,
    number: `${t.number}: ${heading.number ?? '......'}`,
    placeAndDate: t.date(heading.place ?? '', y, m, d),
    title: t.title,
    subtitle: t.subtitle(periodName),
    recipient: t.recipient,
    intro: [
      t.periodLine(t.day(p.firstDay), t.day(p.lastDay), p.timeZone, p.cutoff === 'statutory'),
      t.source[data.source],
    ],
    sections: [
      verificationSection(rows, language),
      victimsSection(rows, language),
      suspectsSection(rows, language),
      noticesSection(rows, language),
      jointOperationsSection(rows, language),
      mechanismsSection(rows, language),
      {
        title: t.sections.indicators,
        paragraphs: [],
        tables: [
          {
            head: t.indicatorsHead,
            rows: data.indicators.map((i) => [
              t.indicators[i.id],
              i.target ? `${i.target.op === '>' ? '>' : '≥'} ${i.target.percent}%` : t.noTarget,
              i.percent === null ? '-' : `${i.percent}% (${i.done}/${i.due})`,
              i.met === null ? t.notApplicable : i.met ? t.met : t.notMet,
            ]),
          },
        ],
      },
      {
        title: t.sections.notComputed,
        paragraphs: data.notComputed.map((id) => `- ${t.notComputed[id]}`),
        tables: [],
      },
    ],
  };
}

/** One row per counterpart with a column per filter. */
function byCounterpart(
  rows: readonly FigureRow[],
  language: Language,
  head: readonly string[],
  columns: FigureFilter[],
): ReportTable {
  const t = LABELS[language];
  const counterparts = [...new Set(columns.flatMap((c) => valuesOf(rows, c, 'counterpart')))].sort();
  return {
    head,
    rows: counterparts.map((counterpart) => [
      counterpart || t.hotline,
      ...columns.map((c) => sumFigures(rows, { ...c, counterpart })),
    ]),
  };
}

function verificationSection(rows: readonly FigureRow[], language: Language): ReportSection {
  const t = LABELS[language];
  const columns: FigureFilter[] = [
    { fact: 'verification.request', by: 'us' },
    { fact: 'verification.answer', by: 'counterpart' },
    { fact: 'verification.answer', by: 'counterpart', detail: 'on_time' },
    { fact: 'verification.request', by: 'counterpart' },
    { fact: 'verification.answer', by: 'us' },
    { fact: 'verification.answer', by: 'us', detail: 'on_time' },
  ];
  const s = (f: FigureFilter) => sumFigures(rows, f);
  return {
    title: t.sections.verification,
    paragraphs: [
      t.verification([
        s(columns[0]),
        s(columns[1]),
        s(columns[2]),
        s({ ...columns[1], detail: 'late' }),
        s(columns[3]),
        s(columns[4]),
        s(columns[5]),
        s({ ...columns[4], detail: 'late' }),
        s({ fact: 'victim.verified', by: 'us' }),
        s({ fact: 'victim.verified', by: 'counterpart' }),
      ]),
    ],
    tables: [
      byCounterpart(rows, language, t.verificationHead, columns),
      {
        caption: t.captions.purposes,
        head: t.purposesHead,
        rows: valuesOf(rows, { fact: 'verification.purpose' }, 'detail').map((purpose) => [
          t.purposes[purpose] ?? purpose,
          s({ fact: 'verification.purpose', by: 'us', detail: purpose }),
          s({ fact: 'verification.purpose_established', by: 'counterpart', detail: purpose }),
          s({ fact: 'verification.purpose_not_established', by: 'counterpart', detail: purpose }),
          s({ fact: 'verification.purpose', by: 'counterpart', detail: purpose }),
          s({ fact: 'verification.purpose_established', by: 'us', detail: purpose }),
          s({ fact: 'verification.purpose_not_established', by: 'us', detail: purpose }),
        ]),
      },
    ],
  };
}

/** Rows by direction, counterpart and border gate of person hand-overs, with extra columns. */
function handoverTable(
  rows: readonly FigureRow[],
  language: Language,
  head: readonly string[],
  facts: FactKind[],
): ReportTable {
  const t = LABELS[language];
  const out: (string | number)[][] = [];
  for (const by of ['us', 'counterpart'] as const)
    for (const counterpart of valuesOf(rows, { fact: facts[0], by }, 'counterpart'))
      for (const borderGate of valuesOf(rows, { fact: facts[0], by, counterpart }, 'borderGate'))
        out.push([
          by === 'us' ? t.handedOverByUs : t.receivedByUs,
          counterpart,
          borderGate || t.noGate,
          ...facts.map((fact) => sumFigures(rows, { fact, by, counterpart, borderGate })),
        ]);
  return { head, rows: out };
}

/** People handed over by direction and sex, in the age groups' columns. */
function profileTable(
  rows: readonly FigureRow[],
  language: Language,
  fact: FactKind,
  caption: string,
  directions?: { readonly us: string; readonly counterpart: string },
): ReportTable {
  const t = LABELS[language];
  const named = directions ?? { us: t.handedOverByUs, counterpart: t.receivedByUs };
  const out: (string | number)[][] = [];
  for (const by of ['us', 'counterpart'] as const)
    for (const sex of valuesOf(rows, { fact, by }, 'sex'))
      out.push([
        named[by],
        t.sexes[sex] ?? sex,
        ...AGE_GROUPS.map((ageGroup) => sumFigures(rows, { fact, by, sex, ageGroup })),
        sumFigures(rows, { fact, by, sex }),
      ]);
  return { caption, head: t.profileHead, rows: out };
}

function victimsSection(rows: readonly FigureRow[], language: Language): ReportSection {
  const t = LABELS[language];
  const s = (f: FigureFilter) => sumFigures(rows, f);
  return {
    title: t.sections.victims,
    paragraphs: [
      t.victims([
        s({ fact: 'repatriation.request', by: 'us' }),
        s({ fact: 'repatriation.request', by: 'counterpart' }),
        s({ fact: 'victim.handover', by: 'us' }),
        s({ fact: 'child.handover', by: 'us' }),
        s({ fact: 'victim.handover', by: 'counterpart' }),
        s({ fact: 'child.handover', by: 'counterpart' }),
        s({ fact: 'victim.reception', by: 'us' }),
        s({ fact: 'victim.reception', by: 'counterpart' }),
        s({ fact: 'victim.supported', by: 'us' }),
      ]),
      t.rescues([
        s({ fact: 'rescue.request', by: 'us' }),
        s({ fact: 'rescue.request', by: 'counterpart' }),
        s({ fact: 'person.located', by: 'us' }),
        s({ fact: 'victim.rescued', by: 'us' }),
        s({ fact: 'rescue.not_found', by: 'us' }),
        s({ fact: 'person.located', by: 'counterpart' }),
        s({ fact: 'victim.rescued', by: 'counterpart' }),
        s({ fact: 'rescue.not_found', by: 'counterpart' }),
      ]),
      t.identified(
        s({ fact: 'victim.identified', by: 'us' }),
        s({ fact: 'victim.not_identified', by: 'us' }),
      ),
    ],
    tables: [
      handoverTable(rows, language, t.handoverHead, ['victim.handover', 'child.handover']),
      byCounterpart(rows, language, t.rescueHead, [
        { fact: 'rescue.request', by: 'us' },
        { fact: 'person.located', by: 'counterpart' },
        { fact: 'victim.rescued', by: 'counterpart' },
        { fact: 'rescue.request', by: 'counterpart' },
        { fact: 'person.located', by: 'us' },
        { fact: 'victim.rescued', by: 'us' },
      ]),
      profileTable(rows, language, 'victim.rescued', t.captions.rescuedProfile, t.rescuedBy),
      profileTable(rows, language, 'victim.identified', t.captions.identifiedProfile, t.identifiedBy),
      {
        caption: t.captions.criteria,
        head: t.criteriaHead,
        rows: valuesOf(rows, { fact: 'victim.identification_criterion' }, 'detail').map((c) => [
          t.criteria[c] ?? c,
          s({ fact: 'victim.identification_criterion', detail: c }),
        ]),
      },
      profileTable(rows, language, 'victim.handover', t.captions.victimProfile),
      profileTable(rows, language, 'child.handover', t.captions.childProfile),
      {
        caption: t.captions.support,
        head: t.supportHead,
        rows: valuesOf(rows, { fact: 'victim.support_service' }, 'detail').map((service) => [
          t.services[service] ?? service,
          s({ fact: 'victim.support_service', detail: service }),
        ]),
      },
    ],
  };
}

function suspectsSection(rows: readonly FigureRow[], language: Language): ReportSection {
  const t = LABELS[language];
  const s = (f: FigureFilter) => sumFigures(rows, f);
  return {
    title: t.sections.suspects,
    paragraphs: [
      t.suspects([
        s({ fact: 'suspect.request', by: 'us' }),
        s({ fact: 'suspect.request', by: 'counterpart' }),
        s({ fact: 'suspect.handover', by: 'us' }),
        s({ fact: 'suspect.handover', by: 'counterpart' }),
      ]),
      t.wanted([
        s({ fact: 'wanted.request', by: 'us' }),
        s({ fact: 'wanted.request', by: 'counterpart' }),
        s({ fact: 'suspect.arrested', by: 'us' }),
        s({ fact: 'wanted.not_found', by: 'us' }),
        s({ fact: 'suspect.arrested', by: 'counterpart' }),
        s({ fact: 'wanted.not_found', by: 'counterpart' }),
      ]),
    ],
    tables: [
      handoverTable(rows, language, t.suspectHead, ['suspect.handover']),
      profileTable(rows, language, 'suspect.handover', t.captions.suspectProfile),
      profileTable(rows, language, 'suspect.arrested', t.captions.arrestedProfile, t.arrestedBy),
    ],
  };
}

function noticesSection(rows: readonly FigureRow[], language: Language): ReportSection {
  const t = LABELS[language];
  const line = (source: 'tip' | 'notice', name: string) => {
    const w = noticeWorkload(rows, source);
    const outstanding = w.toProcess - w.processed;
    const share = percent(w.processed, w.toProcess);
    return [
      name,
      w.carriedOver,
      w.received,
      w.toProcess,
      w.classified,
      w.processed,
      w.processedOnTime,
      outstanding,
      share,
    ];
  };
  return {
    title: t.sections.notices,
    paragraphs: [
      t.noticesSent(sumFigures(rows, { fact: 'notice.sent' })),
      t.tipsForwarded(
        sumFigures(rows, { fact: 'tip.forwarded' }),
        URGENCY_ORDER.map((u) => [t.urgencies[u], sumFigures(rows, { fact: 'tip.forwarded', detail: u })]),
      ),
    ],
    tables: [
      { head: t.noticesHead, rows: [line('tip', t.hotline), line('notice', t.noticesFromCounterparts)] },
    ],
  };
}

const URGENCY_ORDER = ['immediate', 'priority', 'routine'] as const;

const JOINT_FACTS: readonly FactKind[] = [
  'jointop.agreed',
  'jointop.closed',
  'jointop.victims_rescued',
  'jointop.suspects_arrested',
  'jointop.cases_investigated',
];

function jointOperationsSection(rows: readonly FigureRow[], language: Language): ReportSection {
  const t = LABELS[language];
  return {
    title: t.sections.jointOperations,
    paragraphs: [t.jointOperations(JOINT_FACTS.map((fact) => sumFigures(rows, { fact })))],
    tables: [
      byCounterpart(
        rows,
        language,
        t.jointHead,
        JOINT_FACTS.map((fact) => ({ fact })),
      ),
    ],
  };
}

/** Liaison meetings and their action items; working groups and delegations, each way. */
function mechanismsSection(rows: readonly FigureRow[], language: Language): ReportSection {
  const t = LABELS[language];
  const s = (f: FigureFilter) => sumFigures(rows, f);
  const missions = (by: 'us' | 'counterpart', fact: FactKind) =>
    (['working_group', 'delegation'] as const).map((detail) => s({ fact, by, detail }));
  return {
    title: t.sections.mechanisms,
    paragraphs: [
      t.liaison([
        s({ fact: 'liaison.held', by: 'us' }),
        s({ fact: 'liaison.held', by: 'counterpart' }),
        s({ fact: 'liaison.action_item', by: 'us' }),
        s({ fact: 'liaison.action_item_done', by: 'us' }),
        s({ fact: 'liaison.action_item_done', by: 'us', detail: 'on_time' }),
        s({ fact: 'liaison.action_item', by: 'counterpart' }),
        s({ fact: 'liaison.action_item_done', by: 'counterpart' }),
        s({ fact: 'liaison.action_item_done', by: 'counterpart', detail: 'on_time' }),
      ]),
      t.missions([
        ...missions('us', 'mission.request'),
        ...missions('us', 'mission.arrived'),
        ...missions('counterpart', 'mission.request'),
        ...missions('counterpart', 'mission.arrived'),
        s({ fact: 'mission.refused' }),
      ]),
    ],
    tables: [
      byCounterpart(rows, language, t.liaisonHead, [
        { fact: 'liaison.held' },
        { fact: 'liaison.action_item', by: 'us' },
        { fact: 'liaison.action_item_done', by: 'us' },
        { fact: 'liaison.action_item', by: 'counterpart' },
        { fact: 'liaison.action_item_done', by: 'counterpart' },
      ]),
      {
        caption: t.captions.missions,
        head: t.missionHead,
        rows: (['us', 'counterpart'] as const).flatMap((by) =>
          valuesOf(rows, { fact: 'mission.arrived', by }, 'counterpart').flatMap((counterpart) =>
            valuesOf(rows, { fact: 'mission.arrived', by, counterpart }, 'borderGate').map((borderGate) => [
              by === 'us' ? t.sentByUs : t.receivedFromThem,
              counterpart,
              borderGate,
              ...(['working_group', 'delegation'] as const).map((detail) =>
                s({ fact: 'mission.arrived', by, counterpart, borderGate, detail }),
              ),
            ]),
          ),
        ),
      },
    ],
  };
}
