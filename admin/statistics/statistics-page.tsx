/** The Statistics page: filters, the loans and returns chart with its table, the figures per kiosk, refusals by reason and Export CSV. It renders the page machine's snapshot. */
import type { Actor } from 'xstate';
import { REFUSAL_CODES } from '../../shared/circulation/codes';
import type { StaffMessageKey, StaffTranslate } from '../../shared/i18n/staff';
import { STATISTICS_GRANULARITIES, type StatisticsAnswer, type StatisticsFigures, type StatisticsGranularity } from '../../shared/statistics/schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { useLanguage, useT } from '../shell/i18n-context';
import { Notice, PageShell, refused } from '../shell/page-shell';
import { BarChart, ChartTable, type ChartSeries } from './bar-chart';
import { formatCount, formatPeriod } from './format-period';
import { perKioskPage, perKioskPageCount } from './per-kiosk-pages';
import type { StatisticsFilters } from './statistics-filters';
import type { StatisticsPageMachine } from './statistics-page-machine';
import './statistics.css';

export type StatisticsPageActor = Actor<StatisticsPageMachine>;

const GRANULARITY_LABEL: Record<StatisticsGranularity, StaffMessageKey> = {
  day: 'admin.statistics.byDay',
  month: 'admin.statistics.byMonth',
  year: 'admin.statistics.byYear',
};

/** The columns of the per-kiosk table, in the CSV's order, then offline. */
const FIGURE_COLUMNS: Array<[keyof StatisticsFigures, StaffMessageKey]> = [
  ['loans', 'admin.statistics.loans'],
  ['returns', 'admin.statistics.returns'],
  ['renewals', 'admin.statistics.renewals'],
  ['refusals', 'admin.statistics.refusals'],
  ['ebookTickets', 'admin.statistics.ebookTickets'],
  ['ebookDownloads', 'admin.statistics.ebookDownloads'],
  ['distinctPatrons', 'admin.statistics.distinctPatrons'],
  ['offline', 'admin.statistics.offline'],
];

export function StatisticsPage({ actor }: { actor: StatisticsPageActor }) {
  const t = useT();
  const language = useLanguage();
  const { filters, answer, error, tableShown, page } = useSelector(actor, (snapshot) => snapshot.context);
  const loading = useSelector(actor, (snapshot) => snapshot.matches('loading'));

  function apply(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: keyof StatisticsFilters) => String(form.get(name) ?? '');
    actor.send({
      type: 'filters.applied',
      filters: { from: field('from'), to: field('to'), granularity: field('granularity') as StatisticsGranularity, kiosk: field('kiosk') },
    });
  }

  const series: ChartSeries[] = answer
    ? [
        { label: t('admin.statistics.loans'), values: answer.periodTotals.map((row) => row.loans), className: 'series-loans' },
        { label: t('admin.statistics.returns'), values: answer.periodTotals.map((row) => row.returns), className: 'series-returns' },
      ]
    : [];
  const periods = answer?.periodTotals.map((row) => row.period) ?? [];

  return (
    <PageShell className="statistics-page" title={t('admin.statistics.title')}>
      <form key={JSON.stringify(filters)} class="statistics-filters" aria-label={t('admin.statistics.filters')} onSubmit={apply}>
        <label>
          {t('admin.statistics.from')}
          <input name="from" type="date" defaultValue={filters.from} required />
        </label>
        <label>
          {t('admin.statistics.to')}
          <input name="to" type="date" defaultValue={filters.to} required />
        </label>
        <label>
          {t('admin.statistics.granularity')}
          <select name="granularity">
            {STATISTICS_GRANULARITIES.map((granularity) => (
              <option key={granularity} value={granularity} selected={filters.granularity === granularity}>
                {t(GRANULARITY_LABEL[granularity])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.statistics.kiosk')}
          <select name="kiosk">
            <option value="" selected={filters.kiosk === ''}>
              {t('admin.statistics.allKiosks')}
            </option>
            {answer?.kiosks.map((kiosk) => (
              <option key={kiosk.id} value={kiosk.id} selected={filters.kiosk === kiosk.id}>
                {kiosk.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button primary">
          {t('admin.statistics.show')}
        </button>
        <button type="button" class="button" disabled={!answer} onClick={() => actor.send({ type: 'csv.requested' })}>
          {t('admin.statistics.exportCsv')}
        </button>
      </form>
      <Notice notice={refused(error)} />
      {loading && <p role="status">{t('admin.statistics.loading')}</p>}
      {answer && (
        <div aria-busy={loading}>
          <p class="muted">{t('admin.statistics.timeZone', { timeZone: answer.timeZone })}</p>
          <Totals answer={answer} t={t} language={language} />
          <h2>{t('admin.statistics.chartTitle')}</h2>
          <BarChart title={t('admin.statistics.chartTitle')} periods={periods} series={series} language={language} />
          <button type="button" class="button" aria-expanded={tableShown} onClick={() => actor.send({ type: 'table.toggled' })}>
            {t(tableShown ? 'admin.statistics.hideTable' : 'admin.statistics.showTable')}
          </button>
          <div class="statistics-scroll">
            <ChartTable
              caption={t('admin.statistics.tableCaption')}
              periodHeading={t('admin.statistics.period')}
              periods={periods}
              series={series}
              language={language}
              shown={tableShown}
            />
          </div>
          <PerKiosk answer={answer} page={page} choosePage={(chosen) => actor.send({ type: 'page.chosen', page: chosen })} t={t} language={language} />
          <Reasons answer={answer} t={t} language={language} />
        </div>
      )}
    </PageShell>
  );
}

type Language = ReturnType<typeof useLanguage>;

function Totals({ answer, t, language }: { answer: StatisticsAnswer; t: StaffTranslate; language: Language }) {
  return (
    <table class="data-table" data-testid="statistics-totals">
      <caption>{t('admin.statistics.totalsCaption')}</caption>
      <tbody>
        {FIGURE_COLUMNS.map(([figure, label]) => (
          <tr key={figure}>
            <th scope="row">{t(label)}</th>
            <td>{formatCount(answer.total[figure] as number, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PerKiosk({ answer, page, choosePage, t, language }: {
  answer: StatisticsAnswer;
  page: number;
  choosePage: (page: number) => void;
  t: StaffTranslate;
  language: Language;
}) {
  const names = new Map(answer.kiosks.map((kiosk) => [kiosk.id, kiosk.name]));
  const pages = perKioskPageCount(answer);
  const shown = perKioskPage(answer, page);
  const pageText = t('admin.statistics.pageOf', {
    page: page + 1,
    pages,
    first: formatPeriod(shown.first, language),
    last: formatPeriod(shown.last, language),
  });
  return (
    <div class="statistics-scroll">
      {pages > 1 && (
        <nav class="statistics-pager" aria-label={t('admin.statistics.pagesLabel')}>
          <button type="button" class="button" disabled={page === 0} onClick={() => choosePage(page - 1)}>
            {t('admin.statistics.previousPage')}
          </button>
          <span aria-live="polite">{pageText}</span>
          <button type="button" class="button" disabled={page === pages - 1} onClick={() => choosePage(page + 1)}>
            {t('admin.statistics.nextPage')}
          </button>
        </nav>
      )}
      <table class="data-table" data-testid="statistics-per-kiosk">
        <caption>{t('admin.statistics.perKioskCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.statistics.period')}</th>
            <th scope="col">{t('admin.statistics.kiosk')}</th>
            {FIGURE_COLUMNS.map(([figure, label]) => (
              <th key={figure} scope="col">{t(label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.rows.map((row) => (
            <tr key={`${row.period}-${row.kiosk}`}>
              <th scope="row">{formatPeriod(row.period, language)}</th>
              <td class="text">{names.get(row.kiosk ?? '') ?? row.kiosk}</td>
              {FIGURE_COLUMNS.map(([figure]) => (
                <td key={figure}>{formatCount(row[figure] as number, language)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Reasons({ answer, t, language }: { answer: StatisticsAnswer; t: StaffTranslate; language: Language }) {
  const reasons = Object.entries(answer.total.refusalsByReason).sort(([, a], [, b]) => b - a);
  if (reasons.length === 0) return <p>{t('admin.statistics.noRefusals')}</p>;
  return (
    <table class="data-table" data-testid="statistics-reasons">
      <caption>{t('admin.statistics.reasonsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.statistics.reason')}</th>
          <th scope="col">{t('admin.statistics.count')}</th>
        </tr>
      </thead>
      <tbody>
        {reasons.map(([code, count]) => (
          <tr key={code}>
            <th scope="row">{reasonText(t, code)}</th>
            <td>{formatCount(count, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the kiosk told the patron, when it reads without its numbers; otherwise the code itself. */
function reasonText(t: StaffTranslate, code: string): string {
  if (!(REFUSAL_CODES as readonly string[]).includes(code)) return code;
  const text = t(`code.${code}` as StaffMessageKey);
  return text.includes('{') ? code : text;
}
