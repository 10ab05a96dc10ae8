import L from 'leaflet';
// Leaflet's stylesheet is bundled with this page's code (never fetched from a CDN).
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BBox, ShownFeature } from './features';

/** One colour per layer, the same in the list's legend (map.css). */
const COLOURS: Record<ShownFeature['layer'], string> = {
  premises: '#1e5aa8',
  place: '#1b7a3a',
  finding: '#b3470b',
  operation_area: '#6b2f8f',
};

/** Where the map opens when there is nothing to fit it to: Sweden. */
const SWEDEN: L.LatLngExpression = [62.5, 16];

interface Props {
  features: ShownFeature[];
  tileUrl: string | null;
  attribution: string | null;
  /** Opens a record page in the app (a popup's link), without reloading the page. */
  open: (link: string) => void;
  /** The map's current box, for "search this area". */
  onBoundsChange: (box: BBox) => void;
  popupText: (feature: ShownFeature) => { title: string; lines: string[] };
}

/**
 * Leaflet on a plain `div`: SVG markers and circles (no WebGL, no marker images), a tile layer only
 * when a tile server is configured — without one, the map asks no other origin for anything.
 * Re-drawn when the features change; fitted to them the first time they arrive.
 */
export default function LeafletMap({ features, tileUrl, attribution, open, onBoundsChange, popupText }: Props) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const drawn = useRef<L.FeatureGroup | null>(null);
  const fitted = useRef(false);
  const callbacks = useRef({ open, onBoundsChange, popupText });
  callbacks.current = { open, onBoundsChange, popupText };

  useEffect(() => {
    if (!element.current) return;
    // The app honours prefers-reduced-motion: no zoom or fade animation then.
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const created = L.map(element.current, {
      zoomControl: false,
      attributionControl: false,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
    }).setView(SWEDEN, 4);
    L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(created);
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(created);
      // Plain text only (MAP_TILE_ATTRIBUTION holds no markup); Leaflet writes the attribution as HTML.
      if (attribution) L.control.attribution({ prefix: false }).addAttribution(escapeHtml(attribution)).addTo(created);
    }
    created.on('moveend', () => {
      const b = created.getBounds();
      callbacks.current.onBoundsChange({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() });
    });
    drawn.current = L.featureGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      drawn.current = null;
      fitted.current = false;
    };
    // The map is made once per tile server; language changes only re-label the next popups.
  }, [tileUrl, attribution]);

  useEffect(() => {
    const group = drawn.current;
    if (!map.current || !group) return;
    group.clearLayers();
    for (const feature of features) {
      const colour = COLOURS[feature.layer];
      const shape =
        feature.radiusMetres !== null
          ? L.circle([feature.latitude, feature.longitude], { radius: feature.radiusMetres, color: colour, fillOpacity: 0.15, weight: 2 })
          : L.circleMarker([feature.latitude, feature.longitude], { radius: 8, color: '#ffffff', weight: 2, fillColor: colour, fillOpacity: 1 });
      shape.bindPopup(() => popup(feature));
      shape.addTo(group);
    }
    if (!fitted.current && features.length > 0) {
      fitted.current = true;
      map.current.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 16, animate: false });
    }
  }, [features]);

  /** A popup built from elements, never from HTML strings: names and descriptions are users' text. */
  function popup(feature: ShownFeature): HTMLElement {
    const { title, lines } = callbacks.current.popupText(feature);
    const box = document.createElement('div');
    box.className = 'map-popup';
    const heading = document.createElement('strong');
    if (feature.link) {
      const link = document.createElement('a');
      link.href = feature.link;
      link.textContent = title;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        callbacks.current.open(feature.link!);
      });
      heading.append(link);
    } else {
      heading.textContent = title;
    }
    box.append(heading);
    for (const line of lines) {
      const p = document.createElement('div');
      p.textContent = line;
      box.append(p);
    }
    return box;
  }

  return <div ref={element} className="map-canvas" role="region" aria-label={t('map.region', { count: features.length })} />;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
