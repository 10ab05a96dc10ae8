import { Alert, Button, Checkbox, Fieldset, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useEnumLabel } from '../../components/labels';
import { type BBox, bboxParam, type MapLayer, type ShownFeature } from './features';
import './map.css';

// Leaflet loads with the map itself, after the page's words and the list are on screen.
const LeafletMap = lazy(() => import('./LeafletMap'));

/**
 * Karta (issue #20): premises, named places, findings and released operation areas — each layer the
 * user may read, toggled by checkboxes. Below the map, a table of the same features, so a keyboard
 * or screen-reader user gets the same information. Without a tile server the map is a plain
 * background with a note, and the page asks no other origin for anything.
 */
export default function MapPage() {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const settings = useLoad(() => api.GET('/api/v1/map/settings'), []);
  const [hidden, setHidden] = useState<MapLayer[]>([]);
  const [view, setView] = useState<BBox>();
  const [box, setBox] = useState<BBox>();
  const readable = settings.data?.layers ?? [];
  const shown = readable.filter((layer) => !hidden.includes(layer));
  // Every readable layer at once; the checkboxes only hide what is already here (no reload, no flicker).
  const features = useLoad(
    readable.length > 0
      ? () => api.GET('/api/v1/map/features', { params: { query: { layers: readable.join(','), ...(box ? { bbox: bboxParam(box) } : {}) } } })
      : null,
    [readable.join(','), box && bboxParam(box)],
  );
  const shownKey = shown.join(',');
  const items = useMemo<ShownFeature[]>(
    () => (features.data?.layers ?? []).filter((l) => shownKey.split(',').includes(l.layer)).flatMap((l) => l.items.map((f) => ({ ...f, layer: l.layer }))),
    [features.data, shownKey],
  );

  const about = (f: ShownFeature): string => {
    switch (f.layer) {
      case 'premises':
        return f.detail ?? '–';
      case 'place':
        return label('PlaceKind', f.detail as components['schemas']['PlaceKind']);
      case 'finding':
        return `${label('FindingCategory', f.detail as components['schemas']['FindingCategory'])}, ${label('FindingStatus', f.status as components['schemas']['FindingStatus']).toLowerCase()}`;
      case 'operation_area':
        return `${t('map.period', { from: date(f.periodStart, i18n.language), to: date(f.periodEnd, i18n.language) })}. ${t('map.circle', { radius: f.radiusMetres })}`;
    }
  };
  const position = (f: ShownFeature) =>
    `${f.latitude.toLocaleString(i18n.language, { maximumFractionDigits: 4 })}, ${f.longitude.toLocaleString(i18n.language, { maximumFractionDigits: 4 })}`;

  function toggle(layer: MapLayer, on: boolean) {
    setHidden((h) => (on ? h.filter((l) => l !== layer) : [...h, layer]));
  }

  return (
    <>
      <PageTitle>{t('map.title')}</PageTitle>
      <Paragraph>{t('map.intro')}</Paragraph>
      {settings.loading && <Loading />}
      <ProblemMessage problem={settings.problem ?? features.problem} />
      {settings.data && readable.length === 0 && <EmptyState>{t('map.noLayers')}</EmptyState>}
      {settings.data && readable.length > 0 && (
        <>
          <Fieldset className="map-layers">
            <Fieldset.Legend>{t('map.layersLegend')}</Fieldset.Legend>
            {readable.map((layer) => (
              <Checkbox
                key={layer}
                id={`layer-${layer}`}
                data-layer={layer}
                label={t(`map.layers.${layer}`)}
                checked={!hidden.includes(layer)}
                onChange={(e) => toggle(layer, e.target.checked)}
              />
            ))}
          </Fieldset>
          {!settings.data.tileUrl && (
            <Alert data-color="info" className="map-note">
              {t('map.noTiles')}
            </Alert>
          )}
          <Suspense fallback={<Loading />}>
            <LeafletMap
              features={items}
              tileUrl={settings.data.tileUrl}
              attribution={settings.data.attribution}
              open={(link) => void navigate(link)}
              onBoundsChange={setView}
              popupText={(f) => ({ title: f.label, lines: [t(`map.layers.${f.layer}`), about(f)] })}
            />
          </Suspense>
          <div className="row map-actions">
            <Button variant="secondary" data-size="sm" disabled={!view} onClick={() => setBox(view)}>
              {t('map.searchArea')}
            </Button>
            {box && (
              <Button variant="tertiary" data-size="sm" onClick={() => setBox(undefined)}>
                {t('map.showAll')}
              </Button>
            )}
          </div>
          {box && <Paragraph data-size="sm">{t('map.inArea')}</Paragraph>}
          {features.data?.layers
            .filter((l) => l.more && shown.includes(l.layer))
            .map((l) => (
              <Alert key={l.layer} data-color="warning">
                {t('map.more', { layer: t(`map.layers.${l.layer}`) })}
              </Alert>
            ))}
          {features.loading && <Loading />}
          {!features.loading && items.length === 0 && <EmptyState>{t('map.none')}</EmptyState>}
          {items.length > 0 && (
            <TableWrap>
              <Table zebra className="map-list">
                <caption>{t('map.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('map.layer')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('map.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('map.about')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('map.position')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {items.map((f) => (
                    <Table.Row key={`${f.layer}-${f.id}`} data-layer={f.layer}>
                      <Table.Cell>
                        <span className={`map-swatch map-swatch-${f.layer}`} aria-hidden="true" />
                        {t(`map.layers.${f.layer}`)}
                      </Table.Cell>
                      <Table.Cell>
                        {f.link ? (
                          <DsLink asChild>
                            <Link to={f.link}>{f.label}</Link>
                          </DsLink>
                        ) : (
                          f.label
                        )}
                      </Table.Cell>
                      <Table.Cell>{about(f)}</Table.Cell>
                      <Table.Cell>{position(f)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableWrap>
          )}
        </>
      )}
    </>
  );
}
