import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { enumLabel, type LabelledEnum } from '../locales/enums';

/** The word for an api value in the current language: `label('PremisesKind', p.kind)` → "Nattklubb". */
export function useEnumLabel() {
  const { i18n } = useTranslation();
  return <K extends LabelledEnum>(name: K, value: components['schemas'][K]) => enumLabel(i18n.language, name, value);
}

/** The verb phrase of an audit action ("läste ungdomsärendet"); a general one for an action the client does not know yet. */
export function auditActionText(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: t('audit.unknownAction') });
}
