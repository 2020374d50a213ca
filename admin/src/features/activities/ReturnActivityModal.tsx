import { useT } from '../../app/i18n.tsx';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { ReasonModal } from '../../shared/ReasonModal.tsx';
import { returnActivity, type Activity } from './api.ts';
import { activityMessages } from './messages.ts';

/** 退回 with a required 退回理由, which the reporting org then sees above its form. */
export function ReturnActivityModal({ activity, onReturned, open, onClose, afterClose }: DialogControl & { activity: Activity; onReturned(activity: Activity): void }) {
  const t = useT(activityMessages);
  return (
    <ReasonModal
      open={open}
      title={t('returnTitle')}
      okText={t('return')}
      label={t('returnReason')}
      hint={t('returnReasonHint')}
      tooShort={t('returnReasonTooShort')}
      formName="returnActivity"
      onSubmit={async (reason) => {
        onReturned(await returnActivity(activity.id, reason));
        onClose();
      }}
      onClose={onClose}
      afterClose={afterClose}
    />
  );
}
