// Field errors from the API on a settings screen: the API names the offending field
// ("body.clocks.byUrgency.general.sign", "body.rules[3].pattern"); the screen marks the inputs at
// or under that path and shows the plain sentence for the error code above the form.
import { Alert, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import { messageForError } from '../i18n/error-messages';
import { fieldMatches } from './field-paths';
import { useI18n } from '../i18n/i18n';

export { fieldMatches, rowIndexOf } from './field-paths';

export interface FieldProblem {
  code: string;
  status: number;
  field: string | null;
  /** The server's own words (English), shown small under the sentence. */
  detail: string;
}

export function useFieldProblem() {
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const take = useCallback((e: unknown): FieldProblem => {
    const err: ApiError = toApiError(e);
    const p: FieldProblem = { code: err.code, status: err.status, field: err.field, detail: err.serverMessage };
    setProblem(p);
    return p;
  }, []);
  const clear = useCallback(() => setProblem(null), []);
  const status = useCallback((path: string): 'error' | undefined => (problem && fieldMatches(problem.field, path) ? 'error' : undefined), [problem]);
  return { problem, take, clear, status };
}

export function FieldProblemAlert({ problem, describe, onClose }: { problem: FieldProblem | null; describe?: (field: string) => string; onClose?: () => void }) {
  const { lang, t } = useI18n();
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : false}
      data-testid="field-problem"
      style={{ marginBottom: 12 }}
      title={messageForError(problem, lang)}
      description={
        <>
          {problem.field && (
            <div>
              {t('fieldLabel')}: <b>{describe ? describe(problem.field) : problem.field}</b>
            </div>
          )}
          {problem.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {problem.detail}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
