import { formatThaiDate } from '../shared/thai-date.ts';
import type { deliveryTh } from './delivery.th.ts';

export const deliveryEn: typeof deliveryTh = {
  kind: {
    reminder: 'reminder',
    escalation: 'escalation',
    summary: 'daily summary',
    review_request: 'review request',
    admin_alert: 'admin alert',
    test: 'test message',
  },
  expiredAlert: (n, days, kinds) =>
    `${n} ITA message(s) planned for ${days.map((d) => formatThaiDate(d)).join(', ')} could not be sent that day and were cancelled rather than sent late (${kinds}). ` +
    'LINE or this service was probably down. The `deliveries` command lists them; contact the people concerned if needed.',
};
