import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, ProblemMessage } from '../../components/common';
import { type components, findingPhotoTypeValues } from '../../api/schema';

type Photo = components['schemas']['FindingPhotoView'];

/** A blob as a data: URL (the page's content security policy allows data: images, not blob:). */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable photo'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Photos of one checklist item: listed by time and size, each opened on request (every view is
 * recorded in the audit trail, so none load by themselves); added from the phone's camera while
 * the protocol is open.
 */
export function FindingPhotos(props: { inspectionId: string; item: { key: string; label: string }; photos: Photo[]; editable: boolean; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<{ photo: Photo; src: string; number: number }>();
  const [problem, setProblem] = useState<Problem>();
  const [uploading, setUploading] = useState(false);
  // The chosen file's name, so one sees which photo went up (a camera names it, the page shows it).
  const [chosen, setChosen] = useState<{ name: string; saved?: boolean }>();
  const inputId = `photo-${props.item.key}`;

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setChosen({ name: file.name });
    setUploading(true);
    const { error, response } = await api.POST('/api/v1/inspections/{id}/findings/{itemKey}/photos', {
      params: { path: { id: props.inspectionId, itemKey: props.item.key } },
      // The api takes the image bytes as they are, typed by their Content-Type.
      body: file as unknown as string,
      bodySerializer: (body) => body as unknown as BodyInit,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    });
    setUploading(false);
    setChosen({ name: file.name, saved: !error });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) props.onChange();
  }

  async function show(photo: Photo, number: number) {
    const { data, error, response } = await api.GET('/api/v1/inspections/{id}/photos/{photoId}', {
      params: { path: { id: props.inspectionId, photoId: photo.id } },
      parseAs: 'blob',
    });
    if (error || !data) return setProblem(asProblem(error, response.status));
    setShown({ photo, src: await dataUrl(data), number });
    dialog.current?.showModal();
  }

  async function remove(photo: Photo) {
    const { error, response } = await api.DELETE('/api/v1/inspections/{id}/photos/{photoId}', {
      params: { path: { id: props.inspectionId, photoId: photo.id } },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    dialog.current?.close();
    if (!error) props.onChange();
  }

  if (props.photos.length === 0 && !props.editable) return null;
  return (
    <div className="inspections-photos">
      <ProblemMessage problem={problem} />
      {props.photos.length > 0 && (
        <ul>
          {props.photos.map((p, index) => (
            <li key={p.id}>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => void show(p, index + 1)}>
                {t('inspections.photos.show', { number: index + 1, size: Math.max(1, Math.round(p.byteSize / 1024)) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <div className="file-upload">
          {/*
           * The native input, kept for the keyboard and screen readers, sits under a label drawn as
           * a button: a finger-sized target that reads the same in every browser. capture opens the
           * phone's rear camera straight away; a computer shows its file picker.
           */}
          <input
            id={inputId}
            type="file"
            className="file-upload-input"
            accept={findingPhotoTypeValues.join(',')}
            capture="environment"
            disabled={uploading}
            onChange={(e) => void upload(e)}
          />
          <label htmlFor={inputId} className="ds-button" data-variant="secondary" data-size="sm">
            {t('inspections.photos.add')}
          </label>
          <Paragraph data-size="sm" role="status" className="file-upload-file">
            {chosen &&
              (uploading ? t('inspections.photos.uploading', chosen) : t(chosen.saved ? 'inspections.photos.uploaded' : 'inspections.photos.failed', chosen))}
          </Paragraph>
        </div>
      )}
      <Dialog ref={dialog} closeButton={t('inspections.close')} onClose={() => setShown(undefined)}>
        {shown && (
          <>
            <Heading level={2} data-size="xs">
              {t('inspections.photos.title', { number: shown.number, item: props.item.label })}
            </Heading>
            <img className="inspections-photo" src={shown.src} alt={t('inspections.photos.alt', { number: shown.number, item: props.item.label })} />
            <Paragraph data-size="sm">{dateTime(shown.photo.uploadedAt, i18n.language)}</Paragraph>
            {props.editable && (
              <Button type="button" variant="secondary" data-color="danger" onClick={() => void remove(shown.photo)}>
                {t('inspections.photos.remove')}
              </Button>
            )}
          </>
        )}
      </Dialog>
    </div>
  );
}
