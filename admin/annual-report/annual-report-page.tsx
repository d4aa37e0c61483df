/** The Annual report page: a year picker, the year's figures as a library quotes them, and its monthly chart; prints on one A4 page. It renders the page machine's snapshot. */
import type { Actor } from 'xstate';
import type { AnnualReport } from '../../shared/statistics/schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { BarChart, ChartTable, type ChartSeries } from '../statistics/bar-chart';
import { formatCount, formatPeriod } from '../statistics/format-period';
import { useLanguage, useT } from '../shell/i18n-context';
import { Notice, PageShell, refused } from '../shell/page-shell';
import { FIRST_YEAR, LAST_YEAR, type AnnualReportMachine } from './annual-report-machine';
import '../statistics/statistics.css';
import './annual-report.css';

export type AnnualReportActor = Actor<AnnualReportMachine>;

export function AnnualReportPage({ actor }: { actor: AnnualReportActor }) {
  const t = useT();
  const { year, report, error } = useSelector(actor, (snapshot) => snapshot.context);
  const loading = useSelector(actor, (snapshot) => snapshot.matches('loading'));

  function choose(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    actor.send({ type: 'year.chosen', year: Number(form.get('year')) });
  }

  return (
    <PageShell className="annual-report" title={t('admin.report.title', { year })}>
      <form key={year} class="statistics-filters report-controls" onSubmit={choose}>
        <label>
          {t('admin.report.year')}
          <input name="year" type="number" min={FIRST_YEAR} max={LAST_YEAR} step={1} defaultValue={String(year)} required />
        </label>
        <button type="submit" class="button primary">
          {t('admin.report.show')}
        </button>
        <button type="button" class="button" disabled={!report} onClick={() => window.print()}>
          {t('admin.report.print')}
        </button>
      </form>
      <Notice notice={refused(error)} />
      {loading && <p role="status">{t('admin.report.loading')}</p>}
      {report && !loading && <ReportBody report={report} />}
    </PageShell>
  );
}

function ReportBody({ report }: { report: AnnualReport }) {
  const t = useT();
  const language = useLanguage();
  const n = (count: number) => formatCount(count, language);
  const percent = (share: number) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  const series: ChartSeries[] = [
    { label: t('admin.statistics.loans'), values: report.months.map((month) => month.loans), className: 'series-loans' },
    { label: t('admin.statistics.returns'), values: report.months.map((month) => month.returns), className: 'series-returns' },
  ];
  const months = report.months.map((month) => month.month);
  const chartTitle = t('admin.report.chartTitle', { year: report.year });

  return (
    <article data-testid="annual-report">
      <dl class="report-figures">
        <div>
          <dt>{t('admin.report.figureLoansAndReturns')}</dt>
          <dd>{n(report.loansAndReturns)}</dd>
        </div>
        <div>
          <dt>{t('admin.report.figurePatrons')}</dt>
          <dd>{n(report.distinctPatrons)}</dd>
        </div>
        <div>
          <dt>{t('admin.report.figureVisits')}</dt>
          <dd>{n(report.visits)}</dd>
        </div>
        <div>
          <dt>{t('admin.report.figureDownloads')}</dt>
          <dd>{n(report.ebookDownloads)}</dd>
        </div>
      </dl>
      {report.loansAndReturns === 0 && <p>{t('admin.report.empty', { year: report.year })}</p>}
      <ul class="report-sentences">
        <li>{t('admin.report.loansAndReturns', { total: n(report.loansAndReturns), loans: n(report.loans), returns: n(report.returns) })}</li>
        <li>{t('admin.report.renewals', { renewals: n(report.renewals) })}</li>
        <li>{t('admin.report.patrons', { patrons: n(report.distinctPatrons), visits: n(report.visits) })}</li>
        <li>{t('admin.report.ebooks', { downloads: n(report.ebookDownloads), tickets: n(report.ebookTickets) })}</li>
        <li>{report.newCards === null ? t('admin.report.newCardsElsewhere') : t('admin.report.newCards', { newCards: n(report.newCards) })}</li>
        {report.busiestMonth && (
          <li>{t('admin.report.busiestMonth', { month: formatPeriod(report.busiestMonth.month, language), count: n(report.busiestMonth.loansAndReturns) })}</li>
        )}
        {report.busiestKiosk && (
          <li>{t('admin.report.busiestKiosk', { kiosk: report.busiestKiosk.name, count: n(report.busiestKiosk.loansAndReturns) })}</li>
        )}
        {report.offlineShare !== null && <li>{t('admin.report.offline', { offline: n(report.offline), share: percent(report.offlineShare) })}</li>}
      </ul>
      <h2>{chartTitle}</h2>
      <BarChart title={chartTitle} periods={months} series={series} language={language} />
      <ChartTable caption={chartTitle} periodHeading={t('admin.report.month')} periods={months} series={series} language={language} shown={false} />
      <p class="muted">{t('admin.report.visitsDefinition')}</p>
      <p class="muted">{t('admin.report.timeZone', { timeZone: report.timeZone })}</p>
    </article>
  );
}
