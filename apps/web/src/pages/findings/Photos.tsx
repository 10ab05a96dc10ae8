import { Button, Paragraph } from '@digdir/designsystemet-react';
import { type ChangeEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { ProblemMessage } from '../../components/common';

type FindingView = components['schemas']['FindingView'];
type Photo = FindingView['photos'][number];

/** A blob as a data: URL (the page's content security policy allows data: images, not blob:). */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable photo'));
    reader.readAsDataURL(blob);
  });
}

/** Uploads a photo of a finding as its raw bytes, typed by their Content-Type (the api checks what they really are). */
export function uploadFindingPhoto(findingId: string, file: File) {
  return api.POST('/api/v1/findings/{id}/photos', {
    params: { path: { id: findingId } },
    body: file as unknown as string,
    bodySerializer: (body) => body as unknown as BodyInit,
    headers: { 'content-type': file.type || 'application/octet-stream' },
  });
}

/**
 * A styled file input: the native input stays for the keyboard and screen readers under a label
 * drawn as a button (a finger-sized target); capture opens the phone's rear camera at once, a
 * computer shows its file picker.
 */
export function PhotoInput(props: { id: string; label: string; disabled?: boolean; onFile: (file: File) => void }) {
  function chosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) props.onFile(file);
  }
  return (
    <>
      <input id={props.id} type="file" className="file-upload-input" accept="image/*" capture="environment" disabled={props.disabled} onChange={chosen} />
      <label htmlFor={props.id} className="ds-button" data-variant="secondary" data-size="sm">
        {props.label}
      </label>
    </>
  );
}

/**
 * The finding's photos as thumbnails, each loaded through the signed-in api (every view is recorded
 * in the audit trail); added from the phone's camera and removed while the finding is open, by
 * those the api lets.
 */
export function FindingPhotos(props: { finding: FindingView; mayAdd: boolean; mayRemove: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [sources, setSources] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [upload, setUpload] = useState<{ name: string; state: 'uploading' | 'saved' | 'failed' }>();
  const ids = props.finding.photos.map((p) => p.id).join(',');

  useEffect(() => {
    let live = true;
    for (const photo of props.finding.photos) {
      if (sources[photo.id]) continue;
      void api
        .GET('/api/v1/findings/{id}/photos/{photoId}', { params: { path: { id: props.finding.id, photoId: photo.id } }, parseAs: 'blob' })
        .then(async ({ data, error, response }) => {
          if (!live) return;
          if (error || !data) return setProblem(asProblem(error, response.status));
          const src = await dataUrl(data);
          if (live) setSources((s) => ({ ...s, [photo.id]: src }));
        });
    }
    return () => {
      live = false;
    };
    // The photos' ids say when there is something new to load.
  }, [props.finding.id, ids]);

  async function add(file: File) {
    setUpload({ name: file.name, state: 'uploading' });
    const { error, response } = await uploadFindingPhoto(props.finding.id, file);
    setUpload({ name: file.name, state: error ? 'failed' : 'saved' });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) props.onChange();
  }

  async function remove(photo: Photo) {
    const { error, response } = await api.DELETE('/api/v1/findings/{id}/photos/{photoId}', { params: { path: { id: props.finding.id, photoId: photo.id } } });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) props.onChange();
  }

  return (
    <div className="findings-photos">
      <ProblemMessage problem={problem} />
      {props.finding.photos.length === 0 && <Paragraph data-size="sm">{t('findingPage.noPhotos')}</Paragraph>}
      {props.finding.photos.length > 0 && (
        <ul>
          {props.finding.photos.map((p, index) => (
            <li key={p.id}>
              {sources[p.id] ? (
                <img
                  className="findings-thumbnail"
                  src={sources[p.id]}
                  alt={t('findingPage.photoAlt', { number: index + 1, description: props.finding.description })}
                />
              ) : (
                <span className="findings-thumbnail findings-thumbnail-loading" role="img" aria-label={t('findingPage.photoLoading', { number: index + 1 })} />
              )}
              {props.mayRemove && (
                <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => void remove(p)}>
                  {t('findingPage.removePhoto', { number: index + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.mayAdd && (
        <div className="file-upload">
          <PhotoInput id="finding-photo" label={t('findingPage.addPhoto')} disabled={upload?.state === 'uploading'} onFile={(f) => void add(f)} />
          <Paragraph data-size="sm" role="status" className="file-upload-file">
            {upload &&
              t(
                upload.state === 'uploading' ? 'findingPage.uploading' : upload.state === 'saved' ? 'findingPage.uploaded' : 'findingPage.uploadFailed',
                upload,
              )}
          </Paragraph>
        </div>
      )}
    </div>
  );
}
