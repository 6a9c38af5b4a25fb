// One way to tell the user an operation failed: the plain sentence for the error code in their
// language, and for a stale case (VERSION_CONFLICT) a notice with a reload button. The reload is
// given per call (`report(e, load)`) or once for the hook, so a page's loader can report its own
// failures without the loader and the reporter depending on each other.
import { App, Button } from 'antd';
import { useCallback } from 'react';
import { toApiError } from '../api/api-error';
import { messageForError, needsReload } from '../i18n/error-messages';
import { useI18n } from '../i18n/i18n';

export function useReportError(onReload?: () => void): (e: unknown, reload?: () => void) => void {
  const { notification } = App.useApp();
  const { lang, t } = useI18n();
  return useCallback(
    (e: unknown, reload: (() => void) | undefined = onReload) => {
      const err = toApiError(e);
      const text = messageForError(err, lang);
      notification.error({
        key: err.code,
        title: text,
        description: err.field ? `${lang === 'zh' ? '字段' : 'Field'}: ${err.field}` : undefined,
        actions:
          needsReload(err) && reload ? (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                notification.destroy(err.code);
                reload();
              }}
            >
              {t('reload')}
            </Button>
          ) : undefined,
        duration: needsReload(err) ? 0 : 6,
      });
    },
    [notification, lang, t, onReload],
  );
}
