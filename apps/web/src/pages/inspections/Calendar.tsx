import { Alert, Button, Field, Heading, Label, Link as DsLink, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import type { components } from '../../api/schema';
import { useInspectors } from './shared';
import {
  addDays,
  addMonths,
  daysBetween,
  formatDate,
  formatDayShort,
  formatMonth,
  fromStockholm,
  isoWeek,
  monthStart,
  stockholmDay,
  stockholmLocal,
  todayInStockholm,
  weekdayName,
  weekStart,
} from '../../components/time';

type View = 'week' | 'month';
type Inspection = components['schemas']['InspectionListItemView'];

/**
 * Inspections by week or by month, for everyone or one inspector; the period, view and inspector
 * live in the query string. Previous/next and today are buttons, and PageUp/PageDown/Home do the
 * same while focus is in the calendar. On a phone the days stack.
 */
export function InspectionCalendar() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : todayInStockholm();
  const inspectorId = params.get('inspectorId') ?? '';
  const first = view === 'week' ? weekStart(date) : monthStart(date);
  const end = view === 'week' ? addDays(first, 7) : addMonths(first, 1);
  const inspectors = useInspectors();
  const list = useLoad(
    () =>
      api.GET('/api/v1/inspections', {
        params: { query: { from: fromStockholm(`${first}T00:00`), to: fromStockholm(`${end}T00:00`), inspectorId: inspectorId || undefined, limit: 200 } },
      }),
    [first, end, inspectorId],
  );

  function change(next: Partial<{ view: View; date: string; inspectorId: string }>) {
    setParams((current) => {
      const merged = new URLSearchParams(current);
      for (const [key, value] of Object.entries(next)) {
        if (value) merged.set(key, value);
        else merged.delete(key);
      }
      return merged;
    });
  }
  const go = (direction: -1 | 1) => change({ date: view === 'week' ? addDays(first, 7 * direction) : addMonths(first, direction) });

  function keys(event: KeyboardEvent<HTMLElement>) {
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    const action = { PageUp: () => go(-1), PageDown: () => go(1), Home: () => change({ date: todayInStockholm() }) }[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const byDay = new Map<string, Inspection[]>();
  for (const i of [...(list.data?.items ?? [])].sort((a, b) => a.plannedStart.localeCompare(b.plannedStart))) {
    const day = stockholmDay(i.plannedStart);
    byDay.set(day, [...(byDay.get(day) ?? []), i]);
  }
  const days = daysBetween(first, end);
  // Blank cells before the 1st so that the month's days fall under their weekdays.
  const leading = view === 'month' ? daysBetween(weekStart(first), first) : [];
  const period =
    view === 'week'
      ? t('inspections.calendar.weekLabel', {
          week: isoWeek(first),
          from: formatDayShort(first, i18n.language),
          to: formatDate(addDays(end, -1), i18n.language),
        })
      : formatMonth(first, i18n.language);

  return (
    <>
      <PageTitle>{t('inspections.calendar.title')}</PageTitle>
      <section className="inspections-calendar-area" aria-labelledby="calendar-period" onKeyDown={keys}>
        <div className="inspections-toolbar">
          <div className="row" role="group" aria-label={t('inspections.calendar.viewLabel')}>
            <Button variant={view === 'week' ? 'primary' : 'secondary'} data-size="sm" aria-pressed={view === 'week'} onClick={() => change({ view: 'week' })}>
              {t('inspections.calendar.week')}
            </Button>
            <Button
              variant={view === 'month' ? 'primary' : 'secondary'}
              data-size="sm"
              aria-pressed={view === 'month'}
              onClick={() => change({ view: 'month' })}
            >
              {t('inspections.calendar.month')}
            </Button>
          </div>
          <div className="row" role="group" aria-label={t('inspections.calendar.moveLabel')}>
            <Button variant="secondary" data-size="sm" aria-keyshortcuts="PageUp" onClick={() => go(-1)}>
              {view === 'week' ? t('inspections.calendar.previousWeek') : t('inspections.calendar.previousMonth')}
            </Button>
            <Button variant="tertiary" data-size="sm" aria-keyshortcuts="Home" onClick={() => change({ date: todayInStockholm() })}>
              {t('inspections.calendar.today')}
            </Button>
            <Button variant="secondary" data-size="sm" aria-keyshortcuts="PageDown" onClick={() => go(1)}>
              {view === 'week' ? t('inspections.calendar.nextWeek') : t('inspections.calendar.nextMonth')}
            </Button>
          </div>
          <Field>
            <Label htmlFor="calendar-inspector">{t('inspections.inspector')}</Label>
            <Select id="calendar-inspector" value={inspectorId} onChange={(e) => change({ inspectorId: e.target.value })}>
              <Select.Option value="">{t('inspections.calendar.everyone')}</Select.Option>
              {inspectors.map((i) => (
                <Select.Option key={i.id} value={i.id}>
                  {i.displayName}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <Heading level={2} data-size="sm" id="calendar-period" aria-live="polite">
          {period}
        </Heading>
        <Paragraph data-size="xs" className="inspections-hint">
          {t('inspections.calendar.keysHint')}
        </Paragraph>
        {list.loading && <Loading />}
        <ProblemMessage problem={list.problem} />
        {list.data && list.data.total > list.data.items.length && (
          <Alert data-color="info">{t('inspections.calendar.truncated', { shown: list.data.items.length, total: list.data.total })}</Alert>
        )}
        {list.data && list.data.total === 0 && (
          <Paragraph data-size="sm" className="empty">
            {t('inspections.calendar.empty')}
          </Paragraph>
        )}
        <div className={`inspections-weekdays inspections-weekdays--${view}`} aria-hidden="true">
          {daysBetween(weekStart(first), addDays(weekStart(first), 7)).map((d) => (
            <span key={d}>{weekdayName(d, 'short', i18n.language)}</span>
          ))}
        </div>
        <ol className={`inspections-calendar inspections-calendar--${view}`}>
          {leading.map((d) => (
            <li key={d} className="inspections-day inspections-day--blank" aria-hidden="true" />
          ))}
          {days.map((day) => {
            const entries = byDay.get(day) ?? [];
            const isToday = day === todayInStockholm();
            return (
              <li key={day} className={`inspections-day${entries.length ? '' : ' inspections-day--empty'}${isToday ? ' inspections-day--today' : ''}`}>
                <Heading level={3} data-size="2xs">
                  {`${weekdayName(day, view === 'week' ? 'long' : 'short', i18n.language)} ${formatDayShort(day, i18n.language)}`}
                  {isToday && ` (${t('inspections.calendar.todayMark')})`}
                </Heading>
                {entries.length > 0 && (
                  <ul>
                    {entries.map((i) => (
                      <li key={i.id} className={`inspections-entry inspections-entry--${i.status}`}>
                        <DsLink asChild>
                          <Link
                            to={`/inspections/${i.id}`}
                          >{`${stockholmLocal(i.plannedStart).slice(11)}–${stockholmLocal(i.plannedEnd).slice(11)} ${i.premisesName}`}</Link>
                        </DsLink>
                        <span className="inspections-entry-meta">
                          {t(`inspections.types.${i.type}`)} · {t(`statuses.${i.status}`)} · {i.inspectors.map((x) => x.displayName).join(', ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <CalendarFeed />
    </>
  );
}

/** The personal iCalendar feed (POST /me/calendar-feed): a secret link for the phone's or Outlook's calendar. */
function CalendarFeed() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string>();
  const [closed, setClosed] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  async function issue() {
    const { data, error, response } = await api.POST('/api/v1/me/calendar-feed');
    setProblem(error ? asProblem(error, response.status) : undefined);
    setClosed(false);
    if (data) setUrl(data.url);
  }

  async function revoke() {
    const { error, response } = await api.DELETE('/api/v1/me/calendar-feed');
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) {
      setUrl(undefined);
      setClosed(true);
    }
  }

  return (
    <section className="protocol" aria-labelledby="calendar-feed">
      <Heading level={2} data-size="xs" id="calendar-feed">
        {t('inspections.feed.title')}
      </Heading>
      <Paragraph data-size="sm">{t('inspections.feed.help')}</Paragraph>
      <ProblemMessage problem={problem} />
      {url && <Textfield id="feed-url" label={t('inspections.feed.url')} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />}
      {closed && (
        <Alert data-color="success" role="status">
          {t('inspections.feed.closed')}
        </Alert>
      )}
      <div className="row">
        <Button variant="secondary" data-size="sm" onClick={() => void issue()}>
          {url ? t('inspections.feed.renew') : t('inspections.feed.issue')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => void revoke()}>
          {t('inspections.feed.revoke')}
        </Button>
      </div>
    </section>
  );
}
