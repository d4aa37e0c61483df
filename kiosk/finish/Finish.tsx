import { useEffect, useState } from 'preact/hooks';
import type { ReceiptIssued } from '../../shared/receipts/schemas';
import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { EbookIcon, PrinterIcon } from '../ui/icons';
import { NoticeText } from '../ui/NoticeText';
import './finish.css';

/** As the e-book QR code: large modules and a 4-module quiet zone. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, width: 360 } as const;

export function Finish() {
  const t = useT();
  const send = useSend();
  const printing = useSession((snapshot) => snapshot.matches({ flow: { finish: 'printing' } }));
  const phone = useSession((snapshot) => snapshot.matches({ flow: { finish: 'phone' } }));
  // What the kiosk profile offers: printing when it asks, the phone when the session has due dates.
  const offersPrint = useSession((snapshot) => snapshot.can({ type: 'receipt.print' }));
  const offersPhone = useSession((snapshot) => snapshot.can({ type: 'receipt.phone' }));
  const notice = useSession((snapshot) => snapshot.context.notice);
  if (printing) {
    return (
      <section class="waiting" aria-busy="true">
        <h1 aria-live="polite">{t('finish.printing')}</h1>
      </section>
    );
  }
  if (phone) return <PhoneReceipt />;
  return (
    <section class="finish">
      <h1>{t('finish.title')}</h1>
      <NoticeText notice={notice} />
      <div class="big-actions">
        {offersPrint && (
          <Button variant="primary" size="huge" onClick={() => send({ type: 'receipt.print' })}>
            <PrinterIcon />
            {t('finish.print')}
          </Button>
        )}
        {offersPhone && (
          <Button variant={offersPrint ? 'secondary' : 'primary'} size="huge" onClick={() => send({ type: 'receipt.phone' })}>
            <EbookIcon />
            {t('finish.phone')}
          </Button>
        )}
        <Button size="huge" onClick={() => send({ type: 'receipt.skip' })}>
          {t('finish.noReceipt')}
        </Button>
      </div>
    </section>
  );
}

function PhoneReceipt() {
  const t = useT();
  const send = useSend();
  const receipt = useSession((snapshot) => snapshot.context.phoneReceipt);
  return (
    <section class="finish">
      <h1>{t('finish.phone.title')}</h1>
      {receipt ? <ReceiptCode receipt={receipt} /> : <p class="lead" aria-busy="true">{t('finish.phone.issuing')}</p>}
      <Button variant="primary" size="large" onClick={() => send({ type: 'receipt.phoneDone' })}>
        {t('finish.phone.done')}
      </Button>
    </section>
  );
}

function ReceiptCode({ receipt }: { receipt: ReceiptIssued }) {
  const t = useT();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // The QR encoder loads only when a patron asks for it: the kiosk's first load stays small.
    void import('qrcode')
      .then(({ toDataURL }) => toDataURL(receipt.receiptUrl, QR_OPTIONS))
      .then((url) => current && setImage(url));
    return () => {
      current = false;
    };
  }, [receipt.receiptUrl]);
  return (
    <div class="phone-receipt">
      {image && <img class="receipt-qr" data-testid="receipt-qr" src={image} width={QR_OPTIONS.width} height={QR_OPTIONS.width} alt={t('finish.phone.alt')} />}
      <p>{t('finish.phone.hint')}</p>
    </div>
  );
}
