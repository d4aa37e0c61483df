/** The validation report: each problem with where it is (line or record) and what to fix, in the staff's language. */
import type { ImportJob, ImportProblem } from '../../shared/import/schemas';
import { IMPORT_PROBLEMS_SHOWN } from '../../shared/import/schemas';
import type { StaffTranslate } from '../../shared/i18n/staff';
import { useT } from '../shell/i18n-context';

export function problemText(t: StaffTranslate, unit: ImportJob['unit'], problem: ImportProblem): string {
  const at = (n: number) => t(unit === 'line' ? 'admin.import.at.line' : 'admin.import.at.record', { at: n });
  return t(`admin.import.problem.${problem.code}`, { field: problem.field ?? '', value: problem.value ?? '', other: problem.other === undefined ? '' : at(problem.other) });
}

export function ImportReport({ job }: { job: ImportJob }) {
  const t = useT();
  const where = (at: number) => t(job.unit === 'line' ? 'admin.import.at.line' : 'admin.import.at.record', { at });
  return (
    <section class="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t('admin.import.report')}</h2>
      {job.problemCount === 0 ? (
        <p class="import-ok">{t('admin.import.noProblems')}</p>
      ) : (
        <>
          <p class="import-problems-count" role="alert">
            {t('admin.import.problemCount', { count: job.problemCount })}
            {job.problemCount > IMPORT_PROBLEMS_SHOWN && ` ${t('admin.import.problemsCut', { shown: IMPORT_PROBLEMS_SHOWN })}`}
          </p>
          <table class="import-problems">
            <thead>
              <tr>
                <th scope="col">{t('admin.import.where')}</th>
                <th scope="col">{t('admin.import.whatToFix')}</th>
              </tr>
            </thead>
            <tbody>
              {job.problems.map((problem, i) => (
                <tr key={i}>
                  <td>{where(problem.at)}</td>
                  <td>{problemText(t, job.unit, problem)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
